import { readFileSync } from 'node:fs';
import { loadServerMessages } from '../../kernel/i18n/server-messages.js';
import type { ModuleManifest } from '../../kernel/modules/module-manifest.js';
import { privacyDemo } from './privacy.demo.js';
import { privacyNotifications } from './privacy.notifications.js';
import { privacyRoutes } from './privacy.routes.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
loadServerMessages(new URL('./server-i18n/', import.meta.url));

export const privacyModule: ModuleManifest = {
  id: 'privacy',
  name: { de: 'Datenschutz und IT-Sicherheit', en: 'Privacy and IT security' },
  description: {
    de: 'Datenschutzvorfälle mit der 72-Stunden-Frist: was passiert ist, die Risikobewertung, die Meldung an die Aufsichtsbehörde als Entwurf und jede gegebene Meldung.',
    en: 'Data breaches with the 72-hour deadline: what happened, the risk assessment, the notice to the supervisory authority as a draft, and every notice given.',
  },
  dependsOn: ['platform'],
  enabledByDefault: true,
  migrations: [{ name: '20270310_0001_privacy_breaches', sql: read('./migrations/20270310_0001_privacy_breaches.sql') }],
  tables: ['privacy_breaches', 'privacy_breach_notices'],
  permissions: [
    { id: 'privacy.read', description: { de: 'Datenschutzvorfälle ansehen', en: 'View data breaches' }, roles: ['admin'] },
    { id: 'privacy.manage', description: { de: 'Datenschutzvorfälle erfassen, bewerten, melden und abschließen', en: 'Record, assess, notify and close data breaches' }, roles: ['admin'] },
  ],
  navigation: [{ path: '/privacy/breaches', label: { de: 'Datenschutz', en: 'Privacy' }, permission: 'privacy.read' }],
  personalData: [
    {
      category: { de: 'Angaben zu Datenschutzvorfällen: betroffene Personengruppen, Ansprechperson, Meldungen', en: 'Details of data breaches: groups of people concerned, contact person, notices' },
      purpose: { de: 'Dokumentation und Meldung von Verletzungen des Schutzes personenbezogener Daten (Art. 33, 34 DSGVO)', en: 'Documenting and notifying personal-data breaches (GDPR Art. 33, 34)' },
      dataSubjects: { de: 'Von einem Vorfall betroffene Personen, Beschäftigte', en: 'People concerned by a breach, employees' },
      retention: { de: 'Solange die Dokumentation nachgewiesen werden muss (Art. 33 (5) DSGVO); Empfehlung: 3 Jahre nach Abschluss', en: 'As long as the documentation must be shown (GDPR Art. 33 (5)); recommended: 3 years after closing' },
    },
  ],
  notifications: privacyNotifications,
  routes: privacyRoutes,
  demo: privacyDemo,
};
