import { readFileSync } from 'node:fs';
import { alarmPeopleRetention } from './alarm-retention.js';
import { loadServerMessages } from '../../kernel/i18n/server-messages.js';
import type { ModuleManifest } from '../../kernel/modules/module-manifest.js';
import { recipientDataSubjects } from './recipients.data-subjects.js';
import { machinesNotifications, machinesSearch } from './search-and-alarms.js';
import { machinesJobs } from './jobs.js';
import { machinesDashboard } from './machines.dashboard.js';
import { machinesDemo } from './machines.demo.js';
import { machinesRoutes } from './machines.routes.js';
import { ensurePartitions } from './sample-partitions.store.js';
import { machinesSealedColumns } from './sealed-secrets.js';
import { machinesEventTypes } from './alarm-events.store.js';
import { machinesEventFilters, machinesEventLabels } from './alarm-event-types.js';
import { startMachinesModule } from './module-start.js';
import { startDemoSimulator } from './demo-simulator.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
loadServerMessages(new URL('./server-i18n/', import.meta.url));

export const machinesModule: ModuleManifest = {
  id: 'machines',
  name: { de: 'Maschinendaten', en: 'Machine data' },
  description: {
    de: 'Maschinen senden ihre Daten per MQTT oder HTTP; gespeichert wird nur, was bestätigt ist – ohne Verlust und ohne Doppelte.',
    en: 'Machines send their data over MQTT or HTTP; what is acknowledged is stored – without loss and without duplicates.',
  },
  dependsOn: ['platform'],
  uses: ['shopfloor'],
  enabledByDefault: false,
  migrations: [
    { name: '20261215_0001_machines', sql: read('./migrations/20261215_0001_machines.sql') },
    { name: '20261216_0001_machine_alarms', sql: read('./migrations/20261216_0001_machine_alarms.sql') },
    { name: '20261220_0001_machine_connections', sql: read('./migrations/20261220_0001_machine_connections.sql') },
    { name: '20261221_0001_machine_aggregates', sql: read('./migrations/20261221_0001_machine_aggregates.sql') },
    { name: '20261222_0001_machine_notifications', sql: read('./migrations/20261222_0001_machine_notifications.sql') },
    { name: '20270207_0001_machine_webhooks_to_kernel', sql: read('./migrations/20270207_0001_machine_webhooks_to_kernel.sql') },
  ],
  tables: ['machines', 'machine_points', 'machine_devices', 'machine_samples', 'machine_alarm_rules', 'machine_alarms', 'machine_connections', 'machine_opcua_items', 'machine_aggregates_1m', 'machine_aggregates_1h', 'machine_alarm_events', 'machine_notification_reads', 'machine_notification_settings', 'machine_webhooks', 'machine_notification_deliveries'],
  events: machinesEventTypes,
  eventLabels: machinesEventLabels,
  eventFilters: machinesEventFilters,
  // machine_webhooks is retired (empty since 20270207_0001; kept for older export archives): its secret is still never exported
  secretColumns: ['machine_devices.token_hash', 'machine_connections.password', 'machine_webhooks.secret'],
  sealedColumns: machinesSealedColumns,
  // an imported company's samples need their day partitions
  beforeImportRows: async (db, table, rows) => {
    if (table === 'machine_samples') await ensurePartitions(db, rows.map((r) => Date.parse(String(r.ts))).filter(Number.isFinite));
  },
  permissions: [
    { id: 'machines.read', description: { de: 'Maschinen und Maschinendaten ansehen', en: 'View machines and machine data' }, roles: ['admin', 'member', 'viewer', 'advisor', 'shopfloor'] },
    { id: 'machines.acknowledge', description: { de: 'Alarme quittieren', en: 'Acknowledge alarms' }, roles: ['admin', 'member', 'shopfloor'] },
    { id: 'machines.manage', description: { de: 'Maschinen, Datenpunkte, Geräte-Zugänge und Alarmregeln verwalten', en: 'Manage machines, data points, device credentials and alarm rules' }, roles: ['admin'] },
  ],
  navigation: [{ path: '/machines', label: { de: 'Maschinendaten', en: 'Machine data' }, permission: 'machines.read' }],
  personalData: [
    {
      category: { de: 'E-Mail-Adressen und Personen als Empfänger von Alarm-Benachrichtigungen; wer einen Alarm quittiert hat', en: 'E-mail addresses and people receiving alarm notifications; who acknowledged an alarm' },
      purpose: { de: 'Alarme an Maschinen melden und nachvollziehen', en: 'Reporting machine alarms and keeping track of them' },
      dataSubjects: { de: 'Beschäftigte, weitere Empfänger', en: 'Employees, further recipients' },
      retention: { de: 'Bis die Einstellung geändert oder die Maschine gelöscht wird; das Zustellprotokoll so lange wie die Alarme', en: 'Until the setting is changed or the machine is deleted; the delivery log as long as the alarms' },
      rule: alarmPeopleRetention,
    },
  ],
  dataSubjects: recipientDataSubjects,
  search: machinesSearch,
  notifications: machinesNotifications,
  routes: machinesRoutes,
  jobs: (ctx) => machinesJobs(ctx),
  start: (ctx) => startMachinesModule(ctx),
  demo: (ctx) => machinesDemo(ctx),
  dashboard: machinesDashboard,
  demoStart: (ctx, demo) => startDemoSimulator(ctx, demo.tenantId),
};
