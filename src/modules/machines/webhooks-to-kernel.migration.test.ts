import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { type Database, openEmbeddedDatabase } from '../../kernel/db/database.js';
import { migrate } from '../../kernel/db/migrate.js';
import { ModuleRegistry } from '../../kernel/modules/module-registry.js';
import { secretBoxFor } from '../../kernel/secrets/instance-keys.js';
import { type TestDatabaseKind, openThrowawayServerDatabase, testDatabaseKinds } from '../../kernel/testing/test-database.js';
import { dispatchEvents } from '../../kernel/webhooks/event-delivery.js';
import { openSubscriptionSecret } from '../../kernel/webhooks/webhook-secrets.js';
import { allModules } from '../index.js';

const MOVE = '20270207_0001_machine_webhooks_to_kernel';
const ALARM_EVENTS = ['machines.alarm.raised', 'machines.alarm.acknowledged', 'machines.alarm.cleared'];

const open = async (kind: TestDatabaseKind): Promise<Database> =>
  kind === 'embedded' ? openEmbeddedDatabase(new PGlite()) : openThrowawayServerDatabase(process.env.TEST_DATABASE_URL!, `wv_test_move_${Date.now().toString(36)}`);

const id = (n: number) => `0190a000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);

describe.each(testDatabaseKinds())('moving machine alarm webhooks onto the kernel outbox on the %s database', (kind) => {
  it('copies every webhook of an existing database into a subscription (URL, sealed secret, severities) and carries waiting deliveries over, without a second send', async () => {
    const database = await open(kind);
    const config = { dataDir: mkdtempSync(path.join(tmpdir(), 'wv-webhook-move-')) };
    try {
      const db = database.db;
      const sources = new ModuleRegistry(allModules).modules.map((m) => ({ moduleId: m.id, migrations: m.migrations }));
      const before = sources.map((s) => (s.moduleId === 'machines' ? { ...s, migrations: s.migrations.filter((m) => m.name !== MOVE) } : s));
      await migrate(database, before);

      // Three companies: A chose critical alarms only, B never changed the settings (warning and
      // critical), C chose no severity at all (nothing was sent).
      const [a, b, c] = [id(1), id(2), id(3)];
      const [machineA, w1, w2, w3, w4] = [id(10), id(11), id(12), id(13), id(14)];
      await sql`insert into tenants (id, name) values (${a}, 'Alt A GmbH'), (${b}, 'Alt B GmbH'), (${c}, 'Alt C GmbH')`.execute(db);
      await sql`insert into machines (tenant_id, id, name) values (${a}, ${machineA}, 'Presse 1')`.execute(db);
      await sql`insert into machine_notification_settings (tenant_id, severities) values (${a}, '["critical"]'), (${c}, '[]')`.execute(db);
      const box = secretBoxFor(config);
      const sealedW1 = box.seal('whsec_presse', `machine_webhooks.secret:${a}/${w1}`);
      await sql`insert into machine_webhooks (tenant_id, id, url, description, secret, enabled, created_at) values
        (${a}, ${w1}, 'https://leitstand.example/alarme', 'Leitstand', ${sealedW1}, true, '2026-12-23T08:00:00Z'),
        (${a}, ${w2}, 'https://alt.example/aus', '', ${box.seal('whsec_aus', `machine_webhooks.secret:${a}/${w2}`)}, false, '2026-12-23T09:00:00Z'),
        (${b}, ${w3}, 'https://b.example/hook', 'B', 'whsec_noch-klartext', true, '2026-12-23T10:00:00Z'),
        (${c}, ${w4}, 'https://c.example/hook', 'C', ${box.seal('whsec_c', `machine_webhooks.secret:${c}/${w4}`)}, true, '2026-12-23T11:00:00Z')`.execute(db);

      // Alarm events of A: e1 dispatched by the module with a waiting and a finished webhook
      // delivery and a waiting e-mail, its kernel event written at the time but not yet sent on;
      // e2 dispatched with a waiting delivery but from before the kernel outbox (no kernel event);
      // e3 not yet dispatched and without kernel event; e4 not yet dispatched, with kernel event.
      const [e1, e2, e3, e4] = [id(21), id(22), id(23), id(24)];
      const [alarm1, alarm2, alarm3, alarm4] = [id(31), id(32), id(33), id(34)];
      const event = (e: string, alarm: string, severity: string, at: string, dispatched: boolean) =>
        sql`insert into machine_alarm_events (tenant_id, id, alarm_id, machine_id, machine_name, rule_name, point, severity, event, at, value, dispatched_at)
          values (${a}, ${e}, ${alarm}, ${machineA}, 'Presse 1', 'Presskraft zu hoch', 'force', ${severity}, 'raised', ${at}::timestamptz, 150, ${dispatched ? '2027-01-01T00:00:00Z' : null}::timestamptz)`.execute(db);
      await event(e1, alarm1, 'critical', '2027-01-05T10:00:00.123Z', true);
      await event(e2, alarm2, 'critical', '2026-12-30T07:00:00Z', true);
      await event(e3, alarm3, 'critical', '2027-01-05T11:00:00Z', false);
      await event(e4, alarm4, 'info', '2027-01-05T11:30:00Z', false);
      const k1 = id(41);
      const kernelEvent = (k: string, alarm: string, severity: string, at: string) =>
        sql`insert into event_outbox (tenant_id, id, type, payload) values (${a}, ${k}, 'machines.alarm.raised',
          ${JSON.stringify({ alarm: { id: alarm, severity, rule: 'Presskraft zu hoch', point: 'force', value: 150 }, machine: { id: machineA, name: 'Presse 1' }, at })}::jsonb)`.execute(db);
      await kernelEvent(k1, alarm1, 'critical', '2027-01-05T10:00:00.123Z');
      await kernelEvent(id(44), alarm4, 'info', '2027-01-05T11:30:00.000Z');
      const [d1, d2, d3, d4] = [id(51), id(52), id(53), id(54)];
      await sql`insert into machine_notification_deliveries (tenant_id, id, event_id, channel, webhook_id, target, status, attempts, next_attempt_at, last_attempt_at, response_status, last_error, delivered_at) values
        (${a}, ${d1}, ${e1}, 'webhook', ${w1}, 'https://leitstand.example/alarme', 'pending', 2, '2027-01-05T10:01:00Z', '2027-01-05T10:00:30Z', 503, 'HTTP 503', null),
        (${a}, ${d2}, ${e1}, 'webhook', ${w2}, 'https://alt.example/aus', 'delivered', 1, '2027-01-05T10:00:00Z', '2027-01-05T10:00:00Z', 204, null, '2027-01-05T10:00:00Z'),
        (${a}, ${d3}, ${e1}, 'email', null, 'leitung@alt.example', 'pending', 1, '2027-01-05T10:01:00Z', null, null, 'timeout', null),
        (${a}, ${d4}, ${e2}, 'webhook', ${w1}, 'https://leitstand.example/alarme', 'pending', 0, '2026-12-30T07:00:00Z', null, null, null, null)`.execute(db);

      expect(await migrate(database, sources)).toEqual([`machines/${MOVE}`]);

      // every webhook is a subscription with the same id, address, description, time and seal
      const subscriptions = (await sql<{ tenant_id: string; id: string; url: string; description: string; event_types: unknown; filter: unknown; secret: string; secret_context: string; active: boolean; created_at: Date | string }>`
        select tenant_id, id, url, description, event_types, filter, secret, secret_context, active, created_at from webhook_subscriptions order by created_at`.execute(db)).rows;
      expect(subscriptions.map((s) => ({ ...s, event_types: json(s.event_types), filter: json(s.filter), created_at: new Date(s.created_at).toISOString() }))).toEqual([
        { tenant_id: a, id: w1, url: 'https://leitstand.example/alarme', description: 'Leitstand', event_types: ALARM_EVENTS, filter: { 'alarm.severity': ['critical'] }, secret: sealedW1, secret_context: `machine_webhooks.secret:${a}/${w1}`, active: true, created_at: '2026-12-23T08:00:00.000Z' },
        { tenant_id: a, id: w2, url: 'https://alt.example/aus', description: '', event_types: ALARM_EVENTS, filter: { 'alarm.severity': ['critical'] }, secret: expect.stringMatching(/^v2:/), secret_context: `machine_webhooks.secret:${a}/${w2}`, active: false, created_at: '2026-12-23T09:00:00.000Z' },
        { tenant_id: b, id: w3, url: 'https://b.example/hook', description: 'B', event_types: ALARM_EVENTS, filter: { 'alarm.severity': ['warning', 'critical'] }, secret: 'whsec_noch-klartext', secret_context: `machine_webhooks.secret:${b}/${w3}`, active: true, created_at: '2026-12-23T10:00:00.000Z' },
        // no severity chosen: nothing was sent, and nothing is (switched off, with that empty choice)
        { tenant_id: c, id: w4, url: 'https://c.example/hook', description: 'C', event_types: ALARM_EVENTS, filter: { 'alarm.severity': [] }, secret: expect.stringMatching(/^v2:/), secret_context: `machine_webhooks.secret:${c}/${w4}`, active: false, created_at: '2026-12-23T11:00:00.000Z' },
      ]);
      // the kernel opens the moved secrets (sealed ones under their former binding, a plain one as it is)
      const secretOf = (s: (typeof subscriptions)[number]) => openSubscriptionSecret(config, s.tenant_id, s.id, { secret: s.secret, secretContext: s.secret_context });
      expect(subscriptions.map(secretOf)).toEqual(['whsec_presse', 'whsec_aus', 'whsec_noch-klartext', 'whsec_c']);
      // the old rows are gone (copied whole); the table stays for older export archives
      expect((await sql`select 1 from machine_webhooks`.execute(db)).rows).toEqual([]);

      // waiting webhook deliveries go on in the kernel with their id, attempts and next attempt
      const deliveries = (await sql<{ id: string; event_id: string; subscription_id: string; event_type: string; url: string; status: string; attempts: number; next_attempt_at: Date | string; response_status: number | null; last_error: string | null }>`
        select id, event_id, subscription_id, event_type, url, status, attempts, next_attempt_at, response_status, last_error from webhook_deliveries order by id`.execute(db)).rows;
      expect(deliveries.map((d) => ({ ...d, attempts: Number(d.attempts), next_attempt_at: new Date(d.next_attempt_at).toISOString() }))).toEqual([
        { id: d1, event_id: k1, subscription_id: w1, event_type: 'machines.alarm.raised', url: 'https://leitstand.example/alarme', status: 'pending', attempts: 2, next_attempt_at: '2027-01-05T10:01:00.000Z', response_status: 503, last_error: 'HTTP 503' },
        { id: d4, event_id: e2, subscription_id: w1, event_type: 'machines.alarm.raised', url: 'https://leitstand.example/alarme', status: 'pending', attempts: 0, next_attempt_at: '2026-12-30T07:00:00.000Z', response_status: null, last_error: null },
      ]);
      // the module's log keeps the e-mail and the finished webhook call
      const kept = (await sql<{ id: string }>`select id from machine_notification_deliveries order by id`.execute(db)).rows.map((r) => r.id);
      expect(kept).toEqual([d2, d3]);

      // events the kernel outbox lacked are added: e2 (dispatched, its delivery moved) and e3 (to dispatch)
      const events = (await sql<{ id: string; type: string; payload: unknown; dispatched_at: unknown }>`select id, type, payload, dispatched_at from event_outbox order by id`.execute(db)).rows;
      expect(events.map((e) => [e.id, e.dispatched_at === null])).toEqual([[e2, false], [e3, true], [k1, true], [id(44), true]]);
      expect(json(events.find((e) => e.id === e2)!.payload)).toEqual({
        alarm: { id: alarm2, severity: 'critical', rule: 'Presskraft zu hoch', point: 'force', value: 150 },
        machine: { id: machineA, name: 'Presse 1' },
        at: '2026-12-30T07:00:00.000Z',
      });

      // the kernel's dispatch: e3 to A's active subscription; k1 already has its delivery (no
      // second send); the info alarm passes no filter; nothing to the switched-off subscriptions
      await dispatchEvents(db);
      const after = (await sql<{ event_id: string; subscription_id: string }>`select event_id, subscription_id from webhook_deliveries order by event_id`.execute(db)).rows;
      expect(after).toEqual([{ event_id: e2, subscription_id: w1 }, { event_id: e3, subscription_id: w1 }, { event_id: k1, subscription_id: w1 }]);
    } finally {
      await database.close();
    }
  }, 60_000);
});
