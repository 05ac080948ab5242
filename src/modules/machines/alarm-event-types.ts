import type { EventFilterField, Localized } from '../../kernel/modules/module-manifest.js';
import { machinesEventTypes } from './alarm-events.store.js';

/** Names of the alarm events machine data writes into the kernel outbox (for the webhook settings). */
export const machinesEventLabels: Record<string, Localized> = {
  'machines.alarm.raised': { de: 'Maschinenalarm ausgelöst', en: 'Machine alarm raised' },
  'machines.alarm.acknowledged': { de: 'Maschinenalarm quittiert', en: 'Machine alarm acknowledged' },
  'machines.alarm.cleared': { de: 'Maschinenalarm beendet', en: 'Machine alarm cleared' },
};

/** Webhook subscriptions to alarm events can be limited to some severities (payload `alarm.severity`). */
export const machinesEventFilters: EventFilterField[] = [
  {
    path: 'alarm.severity',
    label: { de: 'Schwere des Alarms', en: 'Alarm severity' },
    eventTypes: machinesEventTypes,
    values: [
      { value: 'info', label: { de: 'Hinweis', en: 'Info' } },
      { value: 'warning', label: { de: 'Warnung', en: 'Warning' } },
      { value: 'critical', label: { de: 'Kritisch', en: 'Critical' } },
    ],
  },
];
