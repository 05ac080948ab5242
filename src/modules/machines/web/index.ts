import { createElement, lazy } from 'react';
import type { WebModule } from '../../../web/web-modules';

const MachinesPage = lazy(() => import('./pages/machines-page'));
const MachinePage = lazy(() => import('./pages/machine-page'));
const OrderProcessPage = lazy(() => import('./pages/order-process-page'));
const ManageMachinesPage = lazy(() => import('./pages/manage-machines-page'));
const ManageMachinePage = lazy(() => import('./pages/manage-machine-page'));
const NotificationSettingsPage = lazy(() => import('./pages/notification-settings-page'));
const ConnectionsPage = lazy(() => import('./pages/connections-page'));
const ConnectionPage = lazy(() => import('./pages/connection-page'));

export const machinesWebModule: WebModule = {
  id: 'machines',
  loadTranslations: () => import('./load-translations'),
  routes: [
    { path: 'machines', element: createElement(MachinesPage) },
    { path: 'machines/:machineId', element: createElement(MachinePage) },
    { path: 'machines/orders/:orderId', element: createElement(OrderProcessPage) },
    { path: 'machines/manage', element: createElement(ManageMachinesPage) },
    { path: 'machines/notifications', element: createElement(NotificationSettingsPage) },
    { path: 'machines/connections', element: createElement(ConnectionsPage) },
    { path: 'machines/connections/new/:kind', element: createElement(ConnectionPage) },
    { path: 'machines/connections/:connectionId', element: createElement(ConnectionPage) },
    { path: 'machines/:machineId/manage', element: createElement(ManageMachinePage) },
  ],
};
