import { createElement, lazy } from 'react';
import type { WebModule } from '../../../web/web-modules';

const OrdersPage = lazy(() => import('./pages/orders-page'));
const TerminalPage = lazy(() => import('./pages/terminal-page'));
const ReasonsPage = lazy(() => import('./pages/reasons-page'));
const TerminalsPage = lazy(() => import('./pages/terminals-page'));
const WorkCentresPage = lazy(() => import('./pages/work-centres-page'));
const WorkCentrePage = lazy(() => import('./pages/work-centre-page'));
const WorkCentreDetailPage = lazy(() => import('./pages/work-centre-detail-page'));
const PartsPage = lazy(() => import('./pages/parts-page'));
const PartPage = lazy(() => import('./pages/part-page'));
const PartDetailPage = lazy(() => import('./pages/part-detail-page'));
const OrderPage = lazy(() => import('./pages/order-page'));
const OrderDetailPage = lazy(() => import('./pages/order-detail-page'));
const OrdersImportPage = lazy(() => import('./pages/orders-import-page'));
const ControllingPage = lazy(() => import('./pages/controlling-page'));

export const shopfloorWebModule: WebModule = {
  id: 'shopfloor',
  loadTranslations: () => import('./load-translations'),
  routes: [
    { path: 'shopfloor', element: createElement(OrdersPage), handle: { help: 'shopfloor.help.orders' } },
    { path: 'shopfloor/terminal', element: createElement(TerminalPage), handle: { help: 'shopfloor.help.terminal' } },
    { path: 'shopfloor/reasons', element: createElement(ReasonsPage), handle: { help: 'shopfloor.help.reasons' } },
    { path: 'shopfloor/terminals', element: createElement(TerminalsPage), handle: { help: 'shopfloor.help.terminals' } },
    { path: 'shopfloor/work-centres', element: createElement(WorkCentresPage), handle: { help: 'shopfloor.help.workCentres' } },
    { path: 'shopfloor/work-centres/new', element: createElement(WorkCentrePage), handle: { help: 'shopfloor.help.workCentre' } },
    { path: 'shopfloor/work-centres/:workCentreId', element: createElement(WorkCentreDetailPage), handle: { help: 'shopfloor.help.workCentreDetail' } },
    { path: 'shopfloor/work-centres/:workCentreId/edit', element: createElement(WorkCentrePage), handle: { help: 'shopfloor.help.workCentre' } },
    { path: 'shopfloor/parts', element: createElement(PartsPage), handle: { help: 'shopfloor.help.parts' } },
    { path: 'shopfloor/parts/new', element: createElement(PartPage), handle: { help: 'shopfloor.help.part' } },
    { path: 'shopfloor/parts/:partId', element: createElement(PartDetailPage), handle: { help: 'shopfloor.help.partDetail' } },
    { path: 'shopfloor/parts/:partId/edit', element: createElement(PartPage), handle: { help: 'shopfloor.help.part' } },
    { path: 'shopfloor/orders/import', element: createElement(OrdersImportPage), handle: { help: 'shopfloor.help.ordersImport' } },
    { path: 'shopfloor/orders/new', element: createElement(OrderPage), handle: { help: 'shopfloor.help.order' } },
    { path: 'shopfloor/orders/:orderId', element: createElement(OrderDetailPage), handle: { help: 'shopfloor.help.orderDetail' } },
    { path: 'shopfloor/orders/:orderId/edit', element: createElement(OrderPage), handle: { help: 'shopfloor.help.order' } },
    { path: 'shopfloor/controlling', element: createElement(ControllingPage), handle: { help: 'shopfloor.help.controlling' } },
  ],
};
