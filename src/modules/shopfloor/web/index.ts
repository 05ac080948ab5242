import { createElement, lazy } from 'react';
import type { WebModule } from '../../../web/web-modules';

const OrdersPage = lazy(() => import('./pages/orders-page'));
const TerminalPage = lazy(() => import('./pages/terminal-page'));

export const shopfloorWebModule: WebModule = {
  id: 'shopfloor',
  routes: [
    { path: 'shopfloor', element: createElement(OrdersPage) },
    { path: 'shopfloor/terminal', element: createElement(TerminalPage) },
  ],
};
