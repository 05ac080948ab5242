import { translate } from '../../kernel/i18n/server-messages.js';
import type { NotificationProvider, NotificationSeverity } from '../../kernel/notifications/notification-provider.js';
import type { SearchHit, SearchProvider } from '../../kernel/search/search-provider.js';
import { textMatch } from '../../kernel/search/text-match.js';

/**
 * Machines (name, description) for the global search, and their device credentials (name) for
 * those who manage them. One company's rows through the primary key's `tenant_id`, ILIKE-filtered.
 */
export const machinesSearch: SearchProvider = {
  permission: 'machines.read',
  kinds: {
    machine: { de: 'Maschinen', en: 'Machines' },
    device: { de: 'Geräte-Zugänge', en: 'Device credentials' },
  },
  async find(db, { tenantId, query, limit, locale, permissions }) {
    const machineMatch = textMatch(query, ['name', 'description']);
    const machines = await db
      .selectFrom('machines')
      .select(['id', 'name', 'description'])
      .where('tenant_id', '=', tenantId)
      .where(machineMatch.where)
      .orderBy(machineMatch.rank)
      .orderBy('name')
      .limit(limit)
      .execute();
    const hits: SearchHit[] = machines.map((m) => ({
      kind: 'machine', id: m.id, title: m.name, subtitle: m.description.length > 80 ? `${m.description.slice(0, 79)}…` : m.description || undefined,
      path: `/machines/${m.id}`, matched: [m.name],
    }));
    if (permissions.has('machines.manage')) {
      const deviceMatch = textMatch(query, ['d.name']);
      const devices = await db
        .selectFrom('machine_devices as d')
        .innerJoin('machines as m', (j) => j.onRef('m.tenant_id', '=', 'd.tenant_id').onRef('m.id', '=', 'd.machine_id'))
        .select(['d.id', 'd.name', 'd.machine_id', 'm.name as machine_name'])
        .where('d.tenant_id', '=', tenantId)
        .where('d.revoked_at', 'is', null)
        .where(deviceMatch.where)
        .orderBy(deviceMatch.rank)
        .orderBy('d.name')
        .limit(limit)
        .execute();
      for (const d of devices) {
        hits.push({ kind: 'device', id: d.id, title: d.name, subtitle: translate(locale, 'machinesSearch.deviceOf', { machine: d.machine_name }), path: `/machines/${d.machine_id}/manage`, matched: [d.name] });
      }
    }
    return hits;
  },
};

/** Open alarms (not closed: active, acknowledged while still active, or ended but not acknowledged), newest first (index `machine_alarms_open`). */
export const machinesNotifications: NotificationProvider = {
  permission: 'machines.read',
  kinds: { alarm: { de: 'Alarm', en: 'Alarm' } },
  async list(db, { tenantId, limit, locale }) {
    const rows = await db
      .selectFrom('machine_alarms as a')
      .innerJoin('machines as m', (j) => j.onRef('m.tenant_id', '=', 'a.tenant_id').onRef('m.id', '=', 'a.machine_id'))
      .leftJoin('machine_points as p', (j) => j.onRef('p.tenant_id', '=', 'a.tenant_id').onRef('p.machine_id', '=', 'a.machine_id').onRef('p.name', '=', 'a.point'))
      .select(['a.id', 'a.machine_id', 'a.status', 'a.severity', 'a.raised_at', 'a.rule_name', 'a.point', 'p.label as point_label', 'm.name as machine_name'])
      .where('a.tenant_id', '=', tenantId)
      .where('a.status', 'in', ['active', 'acknowledged', 'clearedUnacknowledged'])
      .orderBy('a.raised_at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((a) => {
      const what = a.rule_name || a.point_label || translate(locale, 'machinesSearch.alarmRule');
      return {
        key: `alarm:${a.id}:${a.status}`,
        kind: 'alarm',
        severity: a.severity as NotificationSeverity,
        title: a.machine_name,
        subtitle: `${what} · ${translate(locale, `machinesSearch.alarmStatus.${a.status}`)}`,
        at: new Date(a.raised_at).toISOString(),
        atMeaning: 'since' as const,
        path: `/machines/${a.machine_id}`,
      };
    });
  },
};

