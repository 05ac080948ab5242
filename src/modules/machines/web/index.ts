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
    { path: 'machines', element: createElement(MachinesPage), handle: { help: 'machines.help.list' } },
    { path: 'machines/:machineId', element: createElement(MachinePage), handle: { help: 'machines.help.machine' } },
    { path: 'machines/orders/:orderId', element: createElement(OrderProcessPage), handle: { help: 'machines.help.orderProcess' } },
    { path: 'machines/manage', element: createElement(ManageMachinesPage), handle: { help: 'machines.help.manage' } },
    { path: 'machines/notifications', element: createElement(NotificationSettingsPage), handle: { help: 'machines.help.notifications' } },
    { path: 'machines/connections', element: createElement(ConnectionsPage), handle: { help: 'machines.help.connections' } },
    { path: 'machines/connections/new/:kind', element: createElement(ConnectionPage), handle: { help: 'machines.help.connection' } },
    { path: 'machines/connections/:connectionId', element: createElement(ConnectionPage), handle: { help: 'machines.help.connection' } },
    { path: 'machines/:machineId/manage', element: createElement(ManageMachinePage), handle: { help: 'machines.help.manageMachine' } },
  ],
};
