import { smallExportArchive } from '../testing/small-export-archive.js';
import type { WriteExamples } from '../testing/write-example.js';

/** Valid requests to the platform's write routes, for the input walk. */
export const platformWriteExamples: WriteExamples = (ids) => ({
  'POST /auth/signup': {
    anonymous: true,
    body: { company: { name: 'Walk GmbH' }, user: { name: 'Walk Person', email: 'walk@walk.example', password: 'a long walk password' }, locale: 'de' },
  },
  'POST /auth/login': { anonymous: true, recordsFailures: true, body: { email: ids.ownEmail, password: ids.ownPassword } },
  'POST /auth/logout': { anonymous: true },
  'PATCH /me': { body: { name: 'Alice Walker', locale: 'de' } },
  'POST /companies': { body: { name: 'Walk Zweig GmbH' } },
  'PATCH /companies/:companyId': { body: { name: 'Alpha GmbH', profile: { employees: 42, industry: '25', series: 'single', state: 'BY' } } },
  'PUT /companies/:companyId/modules/:moduleId': { body: { enabled: true } },
  'POST /companies/:companyId/invitations': { body: { email: 'invited@alpha.example', role: 'member' } },
  'DELETE /companies/:companyId/invitations/:invitationId': {},
  'POST /invitations/lookup': { body: { token: ids.invitationToken } },
  'POST /invitations/accept': { anonymous: true, body: { token: ids.invitationToken, user: { name: 'Invited Person', email: 'invited@alpha.example', password: 'a long walk password' } } },
  'PATCH /companies/:companyId/members/:userId': { body: { role: 'viewer' } },
  'DELETE /companies/:companyId/members/:userId': {},
  'POST /companies/:companyId/workers': { body: { name: 'Walk Worker', personnelNumber: 'W-77', pin: '482913' } },
  'PUT /companies/:companyId/members/:userId/pin': { body: { pin: '739154', personnelNumber: 'W-78' } },
  'DELETE /companies/:companyId/members/:userId/pin': {},
  // own account and second factor: a wrong password or code is recorded (throttling, audit) by design
  'POST /me/password': { recordsFailures: true, expect: 0, body: { currentPassword: 'not the password at all', newPassword: 'another long password' } },
  'POST /me/totp/setup': { recordsFailures: true, body: { password: ids.ownPassword } },
  'POST /me/totp/confirm': { recordsFailures: true, expect: 400, body: { code: '000000' } },
  'POST /me/totp/disable': { recordsFailures: true, expect: 409, body: { password: ids.ownPassword, code: '000000' } },
  'POST /me/totp/recovery-codes': { recordsFailures: true, expect: 409, body: { password: ids.ownPassword, code: '000000' } },
  'PUT /companies/:companyId/two-factor': { body: { required: false } },
  // the tests run without SMTP: 409 mail_not_configured
  'POST /auth/password-reset': { anonymous: true, recordsFailures: true, expect: 409, body: { email: 'nobody@alpha.example', locale: 'de' } },
  'POST /auth/password-reset/complete': { anonymous: true, expect: 404, body: { token: 'no-such-reset-token-0123456789', password: 'another long password' } },
  'POST /auth/login/second-factor': { anonymous: true, recordsFailures: true, expect: 401, body: { challenge: 'no-such-challenge-0123456789', code: '000000' } },
  // a ZIP, not JSON: the walk sends it damaged (see uploadCases in the walk), then whole
  'POST /companies/import': { contentType: 'application/zip', body: smallExportArchive(), expect: 201 },
  'DELETE /companies/:companyId/members/:userId/pin-lock': {},
  'POST /companies/:companyId/webhooks': { body: { url: 'https://hooks.walk.example/events', description: 'Walk', eventTypes: ['machines.alarm.raised', 'machines.alarm.cleared'], filter: { 'alarm.severity': ['critical'] }, active: false } },
  'PUT /companies/:companyId/webhooks/:subscriptionId': { body: { url: 'https://hooks.isolation.example/events', description: 'changed', eventTypes: ['machines.alarm.cleared'], filter: {}, active: false } },
  'DELETE /companies/:companyId/webhooks/:subscriptionId': {},
  'PUT /companies/:companyId/start-path': { body: { hidden: true, skipped: ['check.answer'] } },
  'POST /companies/:companyId/webhooks/:subscriptionId/secret': {},
  'POST /companies/:companyId/webhooks/deliveries/:deliveryId/retry': {},
  // sends a request to the subscription's address: only its refusals are walked, never the valid call
  'POST /companies/:companyId/webhooks/:subscriptionId/test': { expect: 0 },
  'POST /companies/:companyId/notifications/read': { body: { all: true } },
  'POST /terminal/signin': { anonymous: true, recordsFailures: true, expect: 401, body: { personnelNumber: 'W-1', pin: '000000' } },
});
