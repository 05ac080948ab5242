import type { WriteExamples } from '../../kernel/testing/write-example.js';

const breach = {
  title: 'Walk breach', becameKnownAt: '2026-11-02T08:15:00+01:00', occurredFrom: '2026-11-01T18:00:00+01:00', occurredTo: null,
  nature: 'Laptop stolen', subjectCategories: 'Customers', subjectCount: 12, recordCategories: 'Addresses', recordCount: 12,
  consequences: null, measures: null, contact: 'Owner', risk: 'risk', riskReason: null, delayReason: null, subjectsException: null,
};

const training = (personId: string) => ({
  personId, title: 'Phishing erkennen', competences: ['security-awareness'], completedOn: '2026-10-01', provider: 'IHK', expiresOn: '2027-10-01',
});
// a go-live date that may lie in the past by the time the walk runs: confirmed
const requirement = (ids: Record<string, string>) => ({
  subject: 'measure', planItemId: ids.itemId, goLiveOn: '2027-06-01', needs: [{ competence: 'human-machine', level: 3 }],
  personIds: [ids.userId], note: 'Schulung beim Hersteller', confirmPastGoLive: true,
});

/** Valid requests to the privacy module's write routes, for the input walk. */
export const privacyWriteExamples: WriteExamples = (ids) => ({
  'POST /companies/:companyId/privacy/breaches': { body: breach },
  'PUT /companies/:companyId/privacy/breaches/:breachId': { body: breach },
  'POST /companies/:companyId/privacy/breaches/:breachId/notices': { body: { recipient: 'authority', sentAt: '2026-11-03T10:00:00+01:00', reference: 'LDA-1' } },
  'POST /companies/:companyId/privacy/breaches/:breachId/close': {},
  'POST /companies/:companyId/privacy/breaches/:breachId/reopen': {},
  'PUT /companies/:companyId/privacy/record/controller': { body: { name: 'Walk GmbH', address: 'Weg 1, 12345 Ort', contact: 'info@walk.example', representative: null, dataProtectionOfficer: 'extern', measures: 'Rollen und Rechte' } },
  'PUT /companies/:companyId/privacy/record/activities/:activityKey': { body: { recipients: 'Steuerberater', processors: null, thirdCountries: 'keine' } },
  'POST /companies/:companyId/privacy/record/versions': {},
  'PUT /companies/:companyId/privacy/skills/people/:skillPersonId/levels': { body: { levels: { 'digital-basics': 3, 'security-awareness': 2, ai: null } } },
  'POST /companies/:companyId/privacy/skills/trainings': { body: training(ids.userId!) },
  'PUT /companies/:companyId/privacy/skills/trainings/:trainingId': { body: training(ids.userId!) },
  'DELETE /companies/:companyId/privacy/skills/trainings/:trainingId': {},
  'POST /companies/:companyId/privacy/skills/requirements': { body: requirement(ids) },
  'PUT /companies/:companyId/privacy/skills/requirements/:requirementId': { body: requirement(ids) },
  'DELETE /companies/:companyId/privacy/skills/requirements/:requirementId': {},
  'PUT /companies/:companyId/privacy/security/check/answers/:securityRequirementId': { body: { answer: 'partly', note: 'NAS im Büro' } },
  'POST /companies/:companyId/privacy/security/concept/draft': {},
  'PUT /companies/:companyId/privacy/security/concept/draft/sections/:sectionKey': { body: { text: 'Unsere eigene Regel' } },
  'POST /companies/:companyId/privacy/security/concept/adopt': {},
  'POST /companies/:companyId/privacy/security/concept/acknowledge': {},
  'PUT /companies/:companyId/privacy/retention/rules/:ruleKey': { body: { months: 48 } },
  'PUT /companies/:companyId/privacy/retention/enforcement': { body: { enforced: false, pauseReason: 'Rechtsstreit mit einem Lieferanten' } },
  'POST /companies/:companyId/privacy/retention/runs': {},
  // data-subject requests: the walk runs them in the order the routes are registered (link → unlink
  // the other worker → erase the one left → extend → close), so each valid example meets its state
  'POST /companies/:companyId/privacy/requests': { body: { kind: 'access', requesterName: 'Walk Person', requesterReach: 'walk@walk.example', receivedOn: '2026-11-02', notes: 'per Brief' } },
  'PUT /companies/:companyId/privacy/requests/:requestId': { body: { kind: 'erasure', requesterName: 'Privacy Fixture 1', requesterReach: null, receivedOn: new Date().toISOString().slice(0, 10), notes: null } },
  'POST /companies/:companyId/privacy/requests/:requestId/people': { body: { query: 'PRIV-FIX', people: [{ moduleId: 'platform', ref: ids.privacyPersonId }] } },
  'POST /companies/:companyId/privacy/requests/:requestId/people/unlink': { body: { moduleId: 'platform', ref: ids.privacyOtherPersonId } },
  'POST /companies/:companyId/privacy/requests/:requestId/erasure': { body: { confirm: true } },
  'POST /companies/:companyId/privacy/requests/:requestId/extend': { body: { months: 1, reason: 'Daten in mehreren Systemen' } },
  'POST /companies/:companyId/privacy/requests/:requestId/close': { body: { outcome: 'done', note: null } },
});
