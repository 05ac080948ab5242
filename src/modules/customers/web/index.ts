import { Suspense, createElement, lazy } from 'react';
import type { WebModule } from '../../../web/web-modules';

const CustomerListPage = lazy(() => import('./pages/customer-list-page'));
const CustomerDetailPage = lazy(() => import('./pages/customer-detail-page'));
const CustomerMergePage = lazy(() => import('./pages/customer-merge-page'));
const CustomerImportPage = lazy(() => import('./pages/customer-import-page'));
const QuoteListPage = lazy(() => import('./sales/pages/quote-list-page'));
const QuotePage = lazy(() => import('./sales/pages/quote-page'));
const CustomerOrderListPage = lazy(() => import('./sales/pages/customer-order-list-page'));
const CustomerOrderPage = lazy(() => import('./sales/pages/customer-order-page'));
const CustomerOrderNewPage = lazy(() => import('./sales/pages/customer-order-new-page'));
const SharedOrderPage = lazy(() => import('./share/shared-order-page'));
const ProductionRecordPage = lazy(() => import('./record/production-record-page'));
const RecallPage = lazy(() => import('./record/recall-page'));

export const customersWebModule: WebModule = {
  id: 'customers',
  loadTranslations: () => import('./load-translations'),
  routes: [
    { path: 'customers', element: createElement(CustomerListPage), handle: { help: 'customers.help.list' } },
    { path: 'customers/import', element: createElement(CustomerImportPage), handle: { help: 'customers.help.import' } },
    { path: 'customers/:customerId', element: createElement(CustomerDetailPage), handle: { help: 'customers.help.detail' } },
    { path: 'customers/:customerId/merge', element: createElement(CustomerMergePage), handle: { help: 'customers.help.merge' } },
    { path: 'quotes', element: createElement(QuoteListPage), handle: { help: 'customersSales.help.quotes' } },
    { path: 'quotes/:quoteId', element: createElement(QuotePage), handle: { help: 'customersSales.help.quote' } },
    { path: 'customer-orders', element: createElement(CustomerOrderListPage), handle: { help: 'customersSales.help.orders' } },
    { path: 'customer-orders/new', element: createElement(CustomerOrderNewPage), handle: { help: 'customersSales.help.newOrder' } },
    { path: 'customer-orders/:customerOrderId', element: createElement(CustomerOrderPage), handle: { help: 'customersSales.help.order' } },
    { path: 'customer-orders/:customerOrderId/production-record', element: createElement(ProductionRecordPage), handle: { help: 'customersRecord.help.record' } },
    { path: 'recall', element: createElement(RecallPage), handle: { help: 'customersRecord.help.recall' } },
  ],
  // the customer's link to an order: no sign-in, read-only
  publicRoutes: [{ path: '/p/o/:token', element: createElement(Suspense, { fallback: null }, createElement(SharedOrderPage)) }],
};
