import { createElement, lazy } from 'react';
import type { WebModule } from '../../../web/web-modules';

const InvestListPage = lazy(() => import('./pages/invest-list-page'));
const InvestEditorPage = lazy(() => import('./pages/invest-editor-page'));
const InvestComparePage = lazy(() => import('./pages/invest-compare-page'));

export const investWebModule: WebModule = {
  id: 'invest',
  loadTranslations: () => import('./load-translations'),
  routes: [
    { path: 'invest', element: createElement(InvestListPage), handle: { help: 'invest.help.list' } },
    { path: 'invest/compare', element: createElement(InvestComparePage), handle: { help: 'invest.help.compare' } },
    { path: 'invest/:evaluationId', element: createElement(InvestEditorPage), handle: { help: 'invest.help.editor' } },
  ],
};
