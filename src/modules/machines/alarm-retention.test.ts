import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';
import { alarmPeopleRetention } from './alarm-retention.js';

const DAY = 86_400_000;

describe.each(testDatabaseKinds())('retention of the people in machine alarms on the %s database', (kind) => {
  let instance: Instance;
  let tenantId: string;
  let machineId: string;
  const ackBy = randomUUID();

  beforeAll(async () => {
    instance = await startTestInstance(kind);
    const owner = new TestClient(instance);
    tenantId = await owner.signup('Alarmwerk GmbH', 'chef@alarmwerk.example');
    await owner.put(`/api/v1/companies/${tenantId}/modules/machines`, { enabled: true });
    machineId = (await owner.post(`/api/v1/companies/${tenantId}/machines`, { name: 'Presse 3' })).body.id;
    const db = instance.ctx.db;
    const alarm = (daysAgo: number) => ({
      tenant_id: tenantId, id: randomUUID(), machine_id: machineId, rule_id: randomUUID(), rule_name: 'Öldruck', point: 'oil', status: 'closed',
      raised_at: new Date(Date.now() - daysAgo * DAY), raised_value: 1.2, acknowledged_at: new Date(Date.now() - daysAgo * DAY + 60_000), acknowledged_by: ackBy,
    });
    const old = alarm(800);
    await db.insertInto('machine_alarms').values([old, alarm(10)]).execute();
    const eventId = randomUUID();
    await db.insertInto('machine_alarm_events').values({
      tenant_id: tenantId, id: eventId, alarm_id: old.id, machine_id: machineId, machine_name: 'Presse 3', point: 'oil', severity: 'warning', event: 'acknowledged', at: old.acknowledged_at, actor_id: ackBy,
    }).execute();
    await db.insertInto('machine_notification_deliveries').values({
      tenant_id: tenantId, id: randomUUID(), event_id: eventId, channel: 'email', target: 'meister@alarmwerk.example', status: 'delivered', next_attempt_at: old.raised_at, created_at: old.raised_at,
    }).execute();
  });
  afterAll(async () => instance?.close());

  it('removes who acknowledged and the e-mail recipients of alarms older than the cutoff, keeping the alarms and their values', async () => {
    const db = instance.ctx.db;
    const cutoff = new Date(Date.now() - 730 * DAY);
    const due = await alarmPeopleRetention.due(db, tenantId, cutoff, 5);
    expect(due.count).toBe(2);
    expect(due.sample.map((s) => s.what.de)).toEqual(['Alarm „Öldruck“ an Presse 3']);

    expect(await alarmPeopleRetention.apply(db, tenantId, cutoff)).toBe(2);
    const alarms = await db.selectFrom('machine_alarms').select(['acknowledged_by', 'raised_value', 'status']).where('tenant_id', '=', tenantId).orderBy('raised_at').execute();
    expect(alarms).toEqual([{ acknowledged_by: null, raised_value: 1.2, status: 'closed' }, { acknowledged_by: ackBy, raised_value: 1.2, status: 'closed' }]);
    expect((await db.selectFrom('machine_alarm_events').select('actor_id').where('tenant_id', '=', tenantId).execute()).map((e) => e.actor_id)).toEqual([null]);
    expect(await db.selectFrom('machine_notification_deliveries').select('id').where('tenant_id', '=', tenantId).execute()).toEqual([]);
    expect((await alarmPeopleRetention.due(db, tenantId, cutoff, 5)).count).toBe(0);
  });
});
