import { createElement, lazy } from 'react';
import type { WebModule } from '../../../web/web-modules';

const CustomerListPage = lazy(() => import('./pages/customer-list-page'));
const CustomerDetailPage = lazy(() => import('./pages/customer-detail-page'));
const CustomerMergePage = lazy(() => import('./pages/customer-merge-page'));

export const customersWebModule: WebModule = {
  id: 'customers',
  loadTranslations: () => import('./load-translations'),
  routes: [
    { path: 'customers', element: createElement(CustomerListPage), handle: { help: 'customers.help.list' } },
    { path: 'customers/:customerId', element: createElement(CustomerDetailPage), handle: { help: 'customers.help.detail' } },
    { path: 'customers/:customerId/merge', element: createElement(CustomerMergePage), handle: { help: 'customers.help.merge' } },
  ],
};
