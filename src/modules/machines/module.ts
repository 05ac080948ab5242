import { readFileSync } from 'node:fs';
import { addServerMessages } from '../../kernel/i18n/server-messages.js';
import type { ModuleManifest } from '../../kernel/modules/module-manifest.js';
import { machinesRoutes } from './machines.routes.js';
import { startMachinesRuntime } from './runtime.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
addServerMessages('de', JSON.parse(read('./server-i18n/de.json')));
addServerMessages('en', JSON.parse(read('./server-i18n/en.json')));

export const machinesModule: ModuleManifest = {
  id: 'machines',
  name: { de: 'Maschinendaten', en: 'Machine data' },
  description: {
    de: 'Maschinen senden ihre Daten per MQTT oder HTTP; gespeichert wird nur, was bestätigt ist – ohne Verlust und ohne Doppelte.',
    en: 'Machines send their data over MQTT or HTTP; what is acknowledged is stored – without loss and without duplicates.',
  },
  dependsOn: ['platform'],
  enabledByDefault: false,
  migrations: [
    { name: '20261215_0001_machines', sql: read('./migrations/20261215_0001_machines.sql') },
    { name: '20261216_0001_machine_alarms', sql: read('./migrations/20261216_0001_machine_alarms.sql') },
  ],
  tables: ['machines', 'machine_points', 'machine_devices', 'machine_samples', 'machine_alarm_rules', 'machine_alarms'],
  secretColumns: ['machine_devices.token_hash'],
  permissions: [
    { id: 'machines.read', description: { de: 'Maschinen und Maschinendaten ansehen', en: 'View machines and machine data' }, roles: ['admin', 'member', 'viewer', 'advisor', 'shopfloor'] },
    { id: 'machines.acknowledge', description: { de: 'Alarme quittieren', en: 'Acknowledge alarms' }, roles: ['admin', 'member', 'shopfloor'] },
    { id: 'machines.manage', description: { de: 'Maschinen, Datenpunkte, Geräte-Zugänge und Alarmregeln verwalten', en: 'Manage machines, data points, device credentials and alarm rules' }, roles: ['admin'] },
  ],
  navigation: [{ path: '/machines', label: { de: 'Maschinendaten', en: 'Machine data' }, permission: 'machines.read' }],
  personalData: [],
  routes: machinesRoutes,
  start: (ctx) => startMachinesRuntime(ctx),
};
