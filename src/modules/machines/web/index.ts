import { createElement, lazy } from 'react';
import type { WebModule } from '../../../web/web-modules';

const MachinesPage = lazy(() => import('./pages/machines-page'));
const MachinePage = lazy(() => import('./pages/machine-page'));

export const machinesWebModule: WebModule = {
  id: 'machines',
  routes: [
    { path: 'machines', element: createElement(MachinesPage) },
    { path: 'machines/:machineId', element: createElement(MachinePage) },
  ],
};
