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
    de: 'Das Verzeichnis der Verarbeitungstätigkeiten, vorausgefüllt aus dem, was die Module verarbeiten, und Datenschutzvorfälle mit der 72-Stunden-Frist und der Meldung als Entwurf.',
    en: 'The record of processing activities, prefilled from what the modules process, and data breaches with the 72-hour deadline and the notice as a draft.',
  },
  dependsOn: ['platform'],
  enabledByDefault: true,
  migrations: [
    { name: '20270310_0001_privacy_breaches', sql: read('./migrations/20270310_0001_privacy_breaches.sql') },
    { name: '20270311_0001_privacy_record', sql: read('./migrations/20270311_0001_privacy_record.sql') },
  ],
  tables: ['privacy_breaches', 'privacy_breach_notices', 'privacy_record_controller', 'privacy_record_activities', 'privacy_record_versions'],
  permissions: [
    { id: 'privacy.read', description: { de: 'Verarbeitungsverzeichnis und Datenschutzvorfälle ansehen', en: 'View the processing record and data breaches' }, roles: ['admin'] },
    { id: 'privacy.manage', description: { de: 'Verarbeitungsverzeichnis pflegen; Datenschutzvorfälle erfassen, bewerten, melden und abschließen', en: 'Keep the processing record; record, assess, notify and close data breaches' }, roles: ['admin'] },
  ],
  navigation: [
    { path: '/privacy/record', label: { de: 'Verarbeitungsverzeichnis', en: 'Processing record' }, permission: 'privacy.read' },
    { path: '/privacy/breaches', label: { de: 'Datenschutzvorfälle', en: 'Data breaches' }, permission: 'privacy.read' },
  ],
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
