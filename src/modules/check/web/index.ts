import { createElement, lazy } from 'react';
import type { WebModule } from '../../../web/web-modules';

const CheckHomePage = lazy(() => import('./pages/check-home-page'));
const CheckAnswerPage = lazy(() => import('./pages/check-answer-page'));
const CheckResultsPage = lazy(() => import('./pages/check-results-page'));

export const checkWebModule: WebModule = {
  id: 'check',
  loadTranslations: () => import('./load-translations'),
  routes: [
    { path: 'check', element: createElement(CheckHomePage), handle: { help: 'check.help.home' } },
    { path: 'check/:checkId', element: createElement(CheckAnswerPage), handle: { help: 'check.help.answer' } },
    { path: 'check/:checkId/results', element: createElement(CheckResultsPage), handle: { help: 'check.help.results' } },
  ],
};
