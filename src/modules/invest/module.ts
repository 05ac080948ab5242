import { readFileSync } from 'node:fs';
import { loadServerMessages } from '../../kernel/i18n/server-messages.js';
import type { ModuleManifest } from '../../kernel/modules/module-manifest.js';
import { investSearch } from './invest.search.js';
import { investDashboard } from './invest.dashboard.js';
import { investDemo } from './invest.demo.js';
import { investRoutes } from './invest.routes.js';
import { evaluationsForPlanItems } from './plan-item-evaluations.js';
import { providePlanItemEvaluations } from '../roadmap/index.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
loadServerMessages(new URL('./server-i18n/', import.meta.url));
// the roadmap shows the figures of evaluations attached to its plan items
providePlanItemEvaluations('invest', evaluationsForPlanItems);

export const investModule: ModuleManifest = {
  id: 'invest',
  name: { de: 'Investitionsbewertung', en: 'Investment evaluation' },
  description: {
    de: 'Rechnet sich die Maßnahme? Kapitalwert, Rendite und Amortisation in drei Szenarien – und eine Nutzwertanalyse für das, was der ROI nicht zeigt.',
    en: 'Does the measure pay off? Net present value, return and payback in three scenarios – and a utility analysis for what ROI does not show.',
  },
  dependsOn: ['platform'],
  uses: ['roadmap'],
  enabledByDefault: true,
  migrations: [{ name: '20261201_0001_invest', sql: read('./migrations/20261201_0001_invest.sql') }],
  tables: ['invest_evaluations', 'invest_criteria'],
  permissions: [
    { id: 'invest.read', description: { de: 'Investitionsbewertungen ansehen', en: 'View investment evaluations' }, roles: ['admin', 'member', 'viewer', 'advisor'] },
    { id: 'invest.edit', description: { de: 'Investitionsbewertungen anlegen, ändern und löschen', en: 'Create, change and delete investment evaluations' }, roles: ['admin', 'member', 'advisor'] },
  ],
  navigation: [{ path: '/invest', label: { de: 'Investitionen', en: 'Investments' }, permission: 'invest.read' }],
  personalData: [],
  search: investSearch,
  routes: investRoutes,
  demo: investDemo,
  dashboard: investDashboard,
};
