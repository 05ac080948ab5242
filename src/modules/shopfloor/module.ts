import { readFileSync } from 'node:fs';
import { bookingPersonRetention } from './booking-retention.js';
import { loadServerMessages } from '../../kernel/i18n/server-messages.js';
import type { ModuleManifest } from '../../kernel/modules/module-manifest.js';
import { workerDataSubjects } from './workers.data-subjects.js';
import { shopfloorNotifications } from './late-orders.service.js';
import { shopfloorSearch } from './search.store.js';
import { shopfloorDashboard } from './shopfloor.dashboard.js';
import { shopfloorDemo, shopfloorDemoCredentials } from './shopfloor.demo.js';
import { shopfloorRoutes } from './shopfloor.routes.js';
import { terminalWorkCentres } from './shopfloor.store.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
loadServerMessages(new URL('./server-i18n/', import.meta.url));

export const shopfloorModule: ModuleManifest = {
  id: 'shopfloor',
  name: { de: 'Fertigung', en: 'Shop floor' },
  description: {
    de: 'Rückmeldungen einmal am Tablet erfassen – auch ohne Netz – und daraus OEE, Ausschuss, Durchlaufzeit und Termintreue.',
    en: 'Capture bookings once on a tablet – also offline – and get OEE, scrap, lead time and on-time delivery from them.',
  },
  dependsOn: ['platform'],
  enabledByDefault: false,
  migrations: [
    { name: '20261215_0001_shopfloor', sql: read('./migrations/20261215_0001_shopfloor.sql') },
    { name: '20261216_0001_shopfloor_parameters', sql: read('./migrations/20261216_0001_shopfloor_parameters.sql') },
    { name: '20261221_0001_shopfloor_reasons', sql: read('./migrations/20261221_0001_shopfloor_reasons.sql') },
    { name: '20261230_0001_shopfloor_booking_indexes', sql: read('./migrations/20261230_0001_shopfloor_booking_indexes.sql') },
    { name: '20261231_0001_shopfloor_controlling_indexes', sql: read('./migrations/20261231_0001_shopfloor_controlling_indexes.sql') },
    { name: '20270102_0001_shopfloor_controlling_days', sql: read('./migrations/20270102_0001_shopfloor_controlling_days.sql') },
    { name: '20270110_0001_shopfloor_reversals', sql: read('./migrations/20270110_0001_shopfloor_reversals.sql') },
    { name: '20270201_0001_shopfloor_terminal_work_centres', sql: read('./migrations/20270201_0001_shopfloor_terminal_work_centres.sql') },
    { name: '20270207_0001_shopfloor_order_states', sql: read('./migrations/20270207_0001_shopfloor_order_states.sql') },
    { name: '20270208_0001_shopfloor_detail_indexes', sql: read('./migrations/20270208_0001_shopfloor_detail_indexes.sql') },
    { name: '20270310_0001_shopfloor_lots', sql: read('./migrations/20270310_0001_shopfloor_lots.sql') },
  ],
  tables: [
    'shopfloor_work_centres',
    'shopfloor_parts',
    'shopfloor_routing_operations',
    'shopfloor_orders',
    'shopfloor_order_operations',
    'shopfloor_bookings',
    'shopfloor_reasons',
    'shopfloor_reason_defaults',
    'shopfloor_photos',
    'shopfloor_controlling_days',
    'shopfloor_controlling_epochs',
    'shopfloor_settings',
    'shopfloor_terminal_work_centres',
    'shopfloor_order_states',
    'shopfloor_number_counters',
    'shopfloor_order_lots',
    'shopfloor_order_serials',
  ],
  // cached figures of finished days, cleared by triggers while bookings, operations or reasons are written
  derivedTables: ['shopfloor_controlling_days', 'shopfloor_controlling_epochs', 'shopfloor_order_states'],
  permissions: [
    { id: 'shopfloor.read', description: { de: 'Fertigungsdaten und Kennzahlen ansehen', en: 'View shop-floor data and figures' }, roles: ['admin', 'member', 'viewer', 'advisor', 'shopfloor'] },
    { id: 'shopfloor.book', description: { de: 'Rückmeldungen buchen (Terminal)', en: 'Book on the terminal' }, roles: ['admin', 'member', 'shopfloor'] },
    { id: 'shopfloor.plan', description: { de: 'Arbeitsplätze, Teile, Arbeitspläne und Fertigungsaufträge pflegen', en: 'Maintain work centres, parts, routings and production orders' }, roles: ['admin', 'member'] },
  ],
  navigation: [
    { path: '/shopfloor', label: { de: 'Fertigung', en: 'Shop floor' }, permission: 'shopfloor.read' },
    { path: '/shopfloor/terminals', label: { de: 'Terminals', en: 'Terminals' }, permission: 'shopfloor.plan' },
  ],
  personalData: [
    {
      category: { de: 'Rückmeldungen mit Benutzerkonto, Gerät und Zeitpunkt', en: 'Bookings with user account, device and time' },
      purpose: { de: 'Fertigungsfortschritt erfassen und Kennzahlen (OEE, Ausschuss, Termintreue) berechnen', en: 'Record production progress and compute figures (OEE, scrap, on-time delivery)' },
      dataSubjects: { de: 'Beschäftigte in der Fertigung', en: 'Shop-floor employees' },
      retention: { de: 'Solange die Firma die Fertigungsdaten aufbewahrt; ein gelöschtes Konto wird aus den Buchungen entfernt', en: 'As long as the company keeps its production data; a deleted account is removed from the bookings' },
      rule: bookingPersonRetention,
    },
  ],
  dataSubjects: workerDataSubjects,
  search: shopfloorSearch,
  notifications: shopfloorNotifications,
  routes: shopfloorRoutes,
  // a terminal set up for one work centre shows only its operations
  terminalDetails: async (db, tenantId, terminalId) => ({ workCentreId: (await terminalWorkCentres(db, tenantId, terminalId)).get(terminalId) ?? null }),
  demo: shopfloorDemo,
  dashboard: shopfloorDashboard,
  demoCredentials: shopfloorDemoCredentials,
};
