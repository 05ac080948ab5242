import { createElement, lazy } from 'react';
import type { WebModule } from '../../../web/web-modules';

const OrdersPage = lazy(() => import('./pages/orders-page'));
const TerminalPage = lazy(() => import('./pages/terminal-page'));
const ReasonsPage = lazy(() => import('./pages/reasons-page'));
const TerminalsPage = lazy(() => import('./pages/terminals-page'));
const WorkCentresPage = lazy(() => import('./pages/work-centres-page'));
const WorkCentrePage = lazy(() => import('./pages/work-centre-page'));
const PartsPage = lazy(() => import('./pages/parts-page'));
const PartPage = lazy(() => import('./pages/part-page'));
const OrderPage = lazy(() => import('./pages/order-page'));
const OrderDetailPage = lazy(() => import('./pages/order-detail-page'));
const OrdersImportPage = lazy(() => import('./pages/orders-import-page'));
const ControllingPage = lazy(() => import('./pages/controlling-page'));

export const shopfloorWebModule: WebModule = {
  id: 'shopfloor',
  loadTranslations: () => import('./load-translations'),
  routes: [
    { path: 'shopfloor', element: createElement(OrdersPage) },
    { path: 'shopfloor/terminal', element: createElement(TerminalPage) },
    { path: 'shopfloor/reasons', element: createElement(ReasonsPage) },
    { path: 'shopfloor/terminals', element: createElement(TerminalsPage) },
    { path: 'shopfloor/work-centres', element: createElement(WorkCentresPage) },
    { path: 'shopfloor/work-centres/:workCentreId', element: createElement(WorkCentrePage) },
    { path: 'shopfloor/parts', element: createElement(PartsPage) },
    { path: 'shopfloor/parts/:partId', element: createElement(PartPage) },
    { path: 'shopfloor/orders/import', element: createElement(OrdersImportPage) },
    { path: 'shopfloor/orders/new', element: createElement(OrderPage) },
    { path: 'shopfloor/orders/:orderId', element: createElement(OrderDetailPage) },
    { path: 'shopfloor/orders/:orderId/edit', element: createElement(OrderPage) },
    { path: 'shopfloor/controlling', element: createElement(ControllingPage) },
  ],
};
