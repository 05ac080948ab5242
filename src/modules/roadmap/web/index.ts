import { createElement, lazy } from 'react';
import type { WebModule } from '../../../web/web-modules';

const SuggestionsPage = lazy(() => import('./pages/suggestions-page'));
const MatrixPage = lazy(() => import('./pages/matrix-page'));
const PlanPage = lazy(() => import('./pages/plan-page'));
const FundingPage = lazy(() => import('./pages/funding-page'));
const ProgressPage = lazy(() => import('./pages/progress-page'));
const MeasurePage = lazy(() => import('./pages/measure-page'));

export const roadmapWebModule: WebModule = {
  id: 'roadmap',
  loadTranslations: () => import('./load-translations'),
  routes: [
    { path: 'roadmap', element: createElement(SuggestionsPage), handle: { help: 'roadmap.help.suggestions' } },
    { path: 'roadmap/matrix', element: createElement(MatrixPage), handle: { help: 'roadmap.help.matrix' } },
    { path: 'roadmap/plan', element: createElement(PlanPage), handle: { help: 'roadmap.help.plan' } },
    { path: 'roadmap/plan/:itemId', element: createElement(MeasurePage), handle: { help: 'roadmap.help.item' } },
    { path: 'roadmap/plan/:itemId/edit', element: createElement(MeasurePage), handle: { help: 'roadmap.help.item' } },
    { path: 'roadmap/funding', element: createElement(FundingPage), handle: { help: 'roadmap.help.funding' } },
    { path: 'roadmap/progress', element: createElement(ProgressPage), handle: { help: 'roadmap.help.progress' } },
  ],
};
