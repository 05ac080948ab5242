import { createElement, lazy } from 'react';
import type { WebModule } from '../../../web/web-modules';

const RecordPage = lazy(() => import('./pages/record-page'));
const BreachesPage = lazy(() => import('./pages/breaches-page'));
const BreachPage = lazy(() => import('./pages/breach-page'));
const BreachEditorPage = lazy(() => import('./pages/breach-editor-page'));

export const privacyWebModule: WebModule = {
  id: 'privacy',
  loadTranslations: () => import('./load-translations'),
  routes: [
    { path: 'privacy/record', element: createElement(RecordPage), handle: { help: 'privacy.help.record' } },
    { path: 'privacy/breaches', element: createElement(BreachesPage), handle: { help: 'privacy.help.list' } },
    { path: 'privacy/breaches/new', element: createElement(BreachEditorPage), handle: { help: 'privacy.help.editor' } },
    { path: 'privacy/breaches/:breachId', element: createElement(BreachPage), handle: { help: 'privacy.help.detail' } },
    { path: 'privacy/breaches/:breachId/edit', element: createElement(BreachEditorPage), handle: { help: 'privacy.help.editor' } },
  ],
};
