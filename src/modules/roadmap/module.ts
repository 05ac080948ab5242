import { readFileSync } from 'node:fs';
import { loadServerMessages } from '../../kernel/i18n/server-messages.js';
import type { ModuleManifest } from '../../kernel/modules/module-manifest.js';
import { ownerDataSubjects } from './owners.data-subjects.js';
import { roadmapNotifications, roadmapSearch } from './plan-search.js';
import { roadmapDashboard } from './roadmap.dashboard.js';
import { roadmapDemo } from './roadmap.demo.js';
import { roadmapRoutes } from './roadmap.routes.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
loadServerMessages(new URL('./server-i18n/', import.meta.url));

export const roadmapModule: ModuleManifest = {
  id: 'roadmap',
  name: { de: 'Roadmap', en: 'Roadmap' },
  description: {
    de: 'Vom Ergebnis des Digital-Checks zu einem priorisierten Plan mit Quartalen, Verantwortlichen, Kennzahlen und Förderprogrammen – mit Bericht für die Geschäftsleitung.',
    en: 'From the Digital-Check result to a prioritised plan with quarters, owners, KPIs and funding programmes — with a report for the board.',
  },
  dependsOn: ['platform', 'check'],
  enabledByDefault: true,
  migrations: [
    { name: '20261201_0001_roadmap', sql: read('./migrations/20261201_0001_roadmap.sql') },
    { name: '20270315_0001_roadmap_suggestion_sources', sql: read('./migrations/20270315_0001_roadmap_suggestion_sources.sql') },
  ],
  tables: ['roadmap_settings', 'roadmap_plan_items', 'roadmap_funding'],
  permissions: [
    { id: 'roadmap.read', description: { de: 'Vorschläge, Plan, Förderprogramme und Bericht ansehen', en: 'View suggestions, plan, funding programmes and report' }, roles: ['admin', 'member', 'viewer', 'advisor'] },
    { id: 'roadmap.plan', description: { de: 'Maßnahmen übernehmen, planen und ändern; Förderprogramme pflegen', en: 'Accept, schedule and change measures; maintain funding programmes' }, roles: ['admin', 'member', 'advisor'] },
  ],
  navigation: [{ path: '/roadmap', label: { de: 'Roadmap', en: 'Roadmap' }, permission: 'roadmap.read' }],
  personalData: [
    {
      category: { de: 'Verantwortliche Person je Maßnahme (Name oder Verweis auf das Benutzerkonto)', en: 'Person responsible for each measure (name or link to the user account)' },
      purpose: { de: 'Zuständigkeiten im Umsetzungsplan festhalten', en: 'Record who is responsible in the plan' },
      dataSubjects: { de: 'Beschäftigte, Berater', en: 'Employees, advisors' },
      retention: { de: 'Bis die Maßnahme aus dem Plan entfernt wird; ein gelöschtes Konto wird aus der Maßnahme entfernt', en: 'Until the measure is removed from the plan; a deleted account is removed from the measure' },
      rule: { kind: 'while-used', explanation: { de: 'Solange die Maßnahme im Plan steht; mit ihr entfernt', en: 'While the measure is in the plan; removed with it' } },
    },
  ],
  dataSubjects: ownerDataSubjects,
  search: roadmapSearch,
  notifications: roadmapNotifications,
  routes: roadmapRoutes,
  demo: roadmapDemo,
  dashboard: roadmapDashboard,
};
