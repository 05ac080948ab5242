import { readFileSync } from 'node:fs';
import { loadServerMessages } from '../../kernel/i18n/server-messages.js';
import type { ModuleManifest } from '../../kernel/modules/module-manifest.js';
import { closedBreachRetention } from './breach-retention.js';
import { privacyDemo } from './privacy.demo.js';
import { privacyNotifications } from './privacy.notifications.js';
import { privacyRoutes } from './privacy.routes.js';
import { provideMeasureSuggestions } from '../roadmap/index.js';
import { securityGapSuggestions } from './security-check.service.js';
import { skillsDataSubjects } from './skills.data-subjects.js';
import { retentionJob } from './retention.job.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
loadServerMessages(new URL('./server-i18n/', import.meta.url));
// the gaps of the IT-security check are suggested as roadmap measures (the roadmap does not know this module)
provideMeasureSuggestions('privacy', { de: 'IT-Sicherheits-Check', en: 'IT security check' }, securityGapSuggestions);

export const privacyModule: ModuleManifest = {
  id: 'privacy',
  name: { de: 'Datenschutz und IT-Sicherheit', en: 'Privacy and IT security' },
  description: {
    de: 'Das Verzeichnis der Verarbeitungstätigkeiten, vorausgefüllt aus dem, was die Module verarbeiten, und Datenschutzvorfälle mit der 72-Stunden-Frist und der Meldung als Entwurf.',
    en: 'The record of processing activities, prefilled from what the modules process, and data breaches with the 72-hour deadline and the notice as a draft.',
  },
  dependsOn: ['platform'],
  // requirements may point at a plan measure or a machine; without those modules they name software;
  // the security check's gaps are offered to the roadmap when both are on
  uses: ['roadmap', 'machines'],
  enabledByDefault: true,
  migrations: [
    { name: '20270310_0001_privacy_breaches', sql: read('./migrations/20270310_0001_privacy_breaches.sql') },
    { name: '20270311_0001_privacy_record', sql: read('./migrations/20270311_0001_privacy_record.sql') },
    { name: '20270315_0001_privacy_retention', sql: read('./migrations/20270315_0001_privacy_retention.sql') },
    { name: '20270320_0001_privacy_skills', sql: read('./migrations/20270320_0001_privacy_skills.sql') },
    { name: '20270315_0001_privacy_security', sql: read('./migrations/20270315_0001_privacy_security.sql') },
    { name: '20270325_0001_privacy_subject_requests', sql: read('./migrations/20270325_0001_privacy_subject_requests.sql') },
  ],
  tables: ['privacy_breaches', 'privacy_breach_notices', 'privacy_record_controller', 'privacy_record_activities', 'privacy_record_versions',
    'privacy_retention_settings', 'privacy_retention_enforcement', 'privacy_retention_runs',
    'privacy_skill_levels', 'privacy_trainings', 'privacy_skill_requirements', 'privacy_skill_requirement_people',
    'privacy_security_answers', 'privacy_security_concepts', 'privacy_security_acknowledgements',
    'privacy_subject_requests', 'privacy_subject_links'],
  permissions: [
    { id: 'privacy.read', description: { de: 'Verarbeitungsverzeichnis und Datenschutzvorfälle ansehen', en: 'View the processing record and data breaches' }, roles: ['admin'] },
    { id: 'privacy.manage', description: { de: 'Verarbeitungsverzeichnis pflegen; Datenschutzvorfälle erfassen, bewerten, melden und abschließen', en: 'Keep the processing record; record, assess, notify and close data breaches' }, roles: ['admin'] },
    { id: 'privacy.acknowledge', description: { de: 'Das Sicherheitskonzept lesen und bestätigen, es zu kennen', en: 'Read the security concept and confirm knowing it' }, roles: ['admin', 'member', 'shopfloor', 'viewer', 'advisor'] },
  ],
  navigation: [
    { path: '/privacy/record', label: { de: 'Verarbeitungsverzeichnis', en: 'Processing record' }, permission: 'privacy.read' },
    { path: '/privacy/retention', label: { de: 'Aufbewahrung und Löschung', en: 'Retention and erasure' }, permission: 'privacy.read' },
    { path: '/privacy/breaches', label: { de: 'Datenschutzvorfälle', en: 'Data breaches' }, permission: 'privacy.read' },
    { path: '/privacy/skills', label: { de: 'Kompetenzen und Schulungen', en: 'Skills and training' }, permission: 'privacy.read' },
    { path: '/privacy/security', label: { de: 'IT-Sicherheits-Check', en: 'IT security check' }, permission: 'privacy.read' },
    { path: '/privacy/security/concept', label: { de: 'Sicherheitskonzept', en: 'Security concept' }, permission: 'privacy.acknowledge' },
    { path: '/privacy/requests', label: { de: 'Betroffenenanfragen', en: 'Data-subject requests' }, permission: 'privacy.read' },
  ],
  personalData: [
    {
      category: { de: 'Angaben zu Datenschutzvorfällen: betroffene Personengruppen, Ansprechperson, Meldungen', en: 'Details of data breaches: groups of people concerned, contact person, notices' },
      purpose: { de: 'Dokumentation und Meldung von Verletzungen des Schutzes personenbezogener Daten (Art. 33, 34 DSGVO)', en: 'Documenting and notifying personal-data breaches (GDPR Art. 33, 34)' },
      dataSubjects: { de: 'Von einem Vorfall betroffene Personen, Beschäftigte', en: 'People concerned by a breach, employees' },
      retention: { de: 'Solange die Dokumentation nachgewiesen werden muss (Art. 33 (5) DSGVO); Empfehlung: 3 Jahre nach Abschluss', en: 'As long as the documentation must be shown (GDPR Art. 33 (5)); recommended: 3 years after closing' },
      rule: closedBreachRetention,
    },
    {
      category: { de: 'Kompetenzen und Schulungen: eingeschätzte Stufen je Kompetenz, Schulungsnachweise mit Datum, Anbieter und Ablauf', en: 'Skills and training: assessed levels per competence, training records with date, provider and expiry' },
      purpose: { de: 'Qualifizierung vor der Einführung neuer Maschinen und Software; jährliche Schulung zur IT-Sicherheit', en: 'Qualification before new machines and software go live; yearly IT-security awareness training' },
      dataSubjects: { de: 'Beschäftigte', en: 'Employees' },
      retention: { de: 'Solange die Person im Unternehmen ist; Schulungsnachweise danach so lange, wie sie nachgewiesen werden müssen (Empfehlung: 3 Jahre)', en: 'While the person works for the firm; training records afterwards as long as they must be shown (recommended: 3 years)' },
      rule: { kind: 'while-used', explanation: { de: 'Solange die Person Mitglied der Firma oder als Werkstattkraft geführt ist; ihre Stufen und Schulungen gehen mit einem Löschantrag', en: 'While the person is a member of the firm or kept as a shop-floor worker; their levels and trainings go with an erasure request' } },
    },
  ],
  dataSubjects: skillsDataSubjects,
  notifications: privacyNotifications,
  routes: privacyRoutes,
  jobs: (ctx) => [retentionJob(ctx)],
  demo: privacyDemo,
};
