import { createElement, lazy } from 'react';
import type { WebModule } from '../../../web/web-modules';

const RecordPage = lazy(() => import('./pages/record-page'));
const RetentionPage = lazy(() => import('./pages/retention-page'));
const BreachesPage = lazy(() => import('./pages/breaches-page'));
const BreachPage = lazy(() => import('./pages/breach-page'));
const BreachEditorPage = lazy(() => import('./pages/breach-editor-page'));
const SkillsPage = lazy(() => import('./pages/skills-page'));
const SkillPersonPage = lazy(() => import('./pages/skill-person-page'));
const SkillRequirementsPage = lazy(() => import('./pages/skill-requirements-page'));
const RequestsPage = lazy(() => import('./pages/requests-page'));
const RequestPage = lazy(() => import('./pages/request-page'));
const SecurityCheckPage = lazy(() => import('./pages/security-check-page'));
const SecurityConceptPage = lazy(() => import('./pages/security-concept-page'));

export const privacyWebModule: WebModule = {
  id: 'privacy',
  loadTranslations: () => import('./load-translations'),
  routes: [
    { path: 'privacy/record', element: createElement(RecordPage), handle: { help: 'privacy.help.record' } },
    { path: 'privacy/retention', element: createElement(RetentionPage), handle: { help: 'privacy.help.retention' } },
    { path: 'privacy/breaches', element: createElement(BreachesPage), handle: { help: 'privacy.help.list' } },
    { path: 'privacy/breaches/new', element: createElement(BreachEditorPage), handle: { help: 'privacy.help.editor' } },
    { path: 'privacy/breaches/:breachId', element: createElement(BreachPage), handle: { help: 'privacy.help.detail' } },
    { path: 'privacy/breaches/:breachId/edit', element: createElement(BreachEditorPage), handle: { help: 'privacy.help.editor' } },
    { path: 'privacy/skills', element: createElement(SkillsPage), handle: { help: 'privacy.help.skills' } },
    { path: 'privacy/skills/people/:personId', element: createElement(SkillPersonPage), handle: { help: 'privacy.help.skillPerson' } },
    { path: 'privacy/skills/requirements', element: createElement(SkillRequirementsPage), handle: { help: 'privacy.help.skillRequirements' } },
    { path: 'privacy/requests', element: createElement(RequestsPage), handle: { help: 'privacy.help.requests' } },
    { path: 'privacy/requests/:requestId', element: createElement(RequestPage), handle: { help: 'privacy.help.request' } },
    { path: 'privacy/security', element: createElement(SecurityCheckPage), handle: { help: 'privacy.help.security' } },
    { path: 'privacy/security/concept', element: createElement(SecurityConceptPage), handle: { help: 'privacy.help.concept' } },
  ],
};
