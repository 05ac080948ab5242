import { readFileSync } from 'node:fs';
import { auditLogRetention } from './audit/audit-retention.js';
import type { ModuleManifest } from './modules/module-manifest.js';
import { expiredSignInStateJob } from './account/expired-cleanup.js';
import { profileStartStep } from './dashboard/profile-start-step.js';
import { platformRoutes } from './http/platform.routes.js';
import { memberDataSubjects } from './tenancy/member-data-subjects.js';
import { peopleSearch } from './search/people-search.js';
import { sealedSecretsJob } from './secrets/sealed-secrets-job.js';
import type { SealedColumn } from './secrets/sealed-columns.js';
import { eventDeliveryJob } from './webhooks/event-delivery.js';
import { webhookSealedColumns } from './webhooks/webhook-secrets.js';

const migration = (name: string) => ({
  name,
  sql: readFileSync(new URL(`./migrations/${name}.sql`, import.meta.url), 'utf8'),
});

/** The kernel's own manifest: companies, people, roles, modules, audit log, export. */
export const platformModule: ModuleManifest = {
  id: 'platform',
  core: true,
  name: { de: 'Plattform', en: 'Platform' },
  description: { de: 'Unternehmen, Personen, Rollen, Module, Protokoll und Export.', en: 'Companies, people, roles, modules, audit log and export.' },
  dependsOn: [],
  migrations: [migration('20261123_0001_platform'), migration('20261223_0001_terminal_pin'), migration('20261224_0001_account_security'), migration('20261224_0002_sign_in_failures'), migration('20261224_0003_pin_budget'), migration('20261225_0001_event_outbox'), migration('20261226_0001_webhook_filters'), migration('20261227_0001_notification_reads'), migration('20261227_0002_start_path'), migration('20261228_0001_audit_target')],
  tables: ['memberships', 'invitations', 'tenant_modules', 'audit_log', 'terminals', 'event_outbox', 'webhook_subscriptions', 'webhook_deliveries', 'notification_reads'],
  secretColumns: ['invitations.token_hash', 'memberships.pin_hash', 'terminals.token_hash', 'webhook_subscriptions.secret'],
  // the TOTP secrets are bound to the user id (see account.routes.ts, second-factor.ts)
  sealedColumns: [
    ...['totp_secret', 'totp_pending_secret'].map((column): SealedColumn => ({ table: 'users', column, keys: ['id'], context: (row) => String(row.id) })),
    ...webhookSealedColumns,
  ],
  permissions: [
    { id: 'company.read', description: { de: 'Unternehmensprofil ansehen', en: 'View the company profile' }, roles: ['admin', 'member', 'shopfloor', 'viewer', 'advisor'] },
    { id: 'company.update', description: { de: 'Unternehmensprofil ändern', en: 'Change the company profile' }, roles: ['admin'] },
    { id: 'members.read', description: { de: 'Mitglieder ansehen', en: 'View members' }, roles: ['admin', 'member', 'viewer', 'advisor'] },
    { id: 'members.manage', description: { de: 'Mitglieder einladen, Rollen ändern, Zugriff entziehen', en: 'Invite members, change roles, revoke access' }, roles: ['admin'] },
    { id: 'modules.manage', description: { de: 'Module ein- und ausschalten', en: 'Switch modules on and off' }, roles: [] },
    { id: 'audit.read', description: { de: 'Protokoll lesen', en: 'Read the audit log' }, roles: ['admin'] },
    { id: 'security.manage', description: { de: 'Zwei-Faktor-Anmeldung für alle verlangen', en: 'Require two-factor sign-in of everyone' }, roles: [] },
    { id: 'health.read', description: { de: 'Betriebszustand der Instanz ansehen (Hintergrundaufgaben, Datenbank, MQTT)', en: 'View the state of the instance (background jobs, database, MQTT)' }, roles: ['admin'] },
    { id: 'webhooks.manage', description: { de: 'Webhooks für Ereignisse einrichten und ihr Zustellprotokoll ansehen', en: 'Set up webhooks for events and view their delivery log' }, roles: ['admin'] },
    { id: 'export.download', description: { de: 'Alle Daten exportieren', en: 'Export all data' }, roles: [] },
  ],
  navigation: [],
  personalData: [
    {
      category: { de: 'Name, E-Mail-Adresse, Personalnummer, Rolle, Anmeldezeitpunkte (auch am Terminal, mit falschen PIN-Eingaben); die PIN nur als Hash', en: 'Name, e-mail address, personnel number, role, sign-in times (also on terminals, with wrong PIN entries); the PIN only as a hash' },
      purpose: { de: 'Zugang zur Software und Nachvollziehbarkeit von Änderungen', en: 'Access to the software and traceability of changes' },
      dataSubjects: { de: 'Beschäftigte, Berater', en: 'Employees, advisors' },
      retention: { de: 'Solange die Mitgliedschaft besteht; Protokoll 3 Jahre', en: 'While the membership lasts; audit log 3 years' },
      rule: { kind: 'while-used', explanation: { de: 'Solange die Person Mitglied der Firma ist; Einträge im Änderungsprotokoll nach dessen eigener Frist', en: 'While the person is a member of the company; audit log entries after the log\'s own period' } },
    },
    {
      category: { de: 'Änderungsprotokoll: wer wann was geändert hat, Anmeldungen und falsche PIN-Eingaben', en: 'Audit log: who changed what and when, sign-ins and wrong PIN entries' },
      purpose: { de: 'Nachvollziehbarkeit von Änderungen und Schutz der Zugänge (Art. 5 (2), 32 DSGVO)', en: 'Traceability of changes and protection of access (GDPR Art. 5 (2), 32)' },
      dataSubjects: { de: 'Beschäftigte, Berater', en: 'Employees, advisors' },
      retention: { de: '3 Jahre ab dem Eintrag', en: '3 years from the entry' },
      rule: auditLogRetention,
    },
  ],
  dataSubjects: memberDataSubjects,
  search: peopleSearch,
  routes: platformRoutes,
  dashboard: { startSteps: [profileStartStep] },
  jobs: (ctx) => [expiredSignInStateJob(ctx.db), sealedSecretsJob(ctx), eventDeliveryJob(ctx)],
};
