import { readFileSync } from 'node:fs';
import { loadServerMessages } from '../../kernel/i18n/server-messages.js';
import type { ModuleManifest } from '../../kernel/modules/module-manifest.js';
import { checkDataSubjects } from './check.data-subjects.js';
import { checkRoutes } from './check.routes.js';
import { checkDashboard } from './check.dashboard.js';
import { checkDemo } from './check.demo.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
loadServerMessages(new URL('./server-i18n/', import.meta.url));

export const checkModule: ModuleManifest = {
  id: 'check',
  name: { de: 'Digital-Check', en: 'Digital-Check' },
  description: {
    de: 'Selbstcheck in etwa 20 Minuten: Wo steht Ihr Unternehmen, im Vergleich mit ähnlichen Betrieben?',
    en: 'Self-assessment in about 20 minutes: where does your firm stand, compared with similar firms?',
  },
  dependsOn: ['platform'],
  enabledByDefault: true,
  migrations: [{ name: '20261123_0001_check', sql: read('./migrations/20261123_0001_check.sql') }],
  tables: ['check_runs', 'check_responses', 'check_settings'],
  permissions: [
    { id: 'check.read', description: { de: 'Check-Ergebnisse ansehen', en: 'View check results' }, roles: ['admin', 'member', 'viewer', 'advisor'] },
    { id: 'check.answer', description: { de: 'Fragen des Checks beantworten', en: 'Answer check questions' }, roles: ['admin', 'member', 'advisor'] },
    { id: 'check.manage', description: { de: 'Checks starten und abschließen, Antwortende sehen', en: 'Start and complete checks, see respondents' }, roles: ['admin'] },
    { id: 'check.settings', description: { de: 'Am anonymen Vergleich teilnehmen', en: 'Take part in the anonymous comparison' }, roles: [] },
  ],
  navigation: [{ path: '/check', label: { de: 'Digital-Check', en: 'Digital-Check' }, permission: 'check.read' }],
  personalData: [
    {
      category: { de: 'Antworten je Person und deren Rolle', en: 'Answers per person and their role' },
      purpose: { de: 'Einschätzungen mehrerer Personen zusammenführen und Abweichungen zeigen', en: 'Combine several people\'s assessments and show disagreement' },
      dataSubjects: { de: 'Beschäftigte, Berater', en: 'Employees, advisors' },
      retention: { de: 'Bis der Check gelöscht wird; Namen sehen nur Inhaber und Administratoren', en: 'Until the check is deleted; only owners and admins see names' },
      rule: { kind: 'while-used', explanation: { de: 'Solange der Check besteht; mit dem Check gelöscht', en: 'While the check exists; deleted with the check' } },
    },
  ],
  dataSubjects: checkDataSubjects,
  routes: checkRoutes,
  demo: checkDemo,
  dashboard: checkDashboard,
};
