import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../kernel/instance.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';
import { enforceRetention } from './retention.job.js';
import type { RetentionView } from './retention.service.js';
import { getRetention, runRetention } from './retention.service.js';

const monthsLater = (months: number, days = 1) => DateTime.now().plus({ months, days }).toMillis();

describe.each(testDatabaseKinds())('retention rules on the %s database', (kind) => {
  let instance: Instance;
  let owner: TestClient;
  let companyId: string;
  let api: string;
  let orderId: string;
  const service = () => ({ db: instance.ctx.db, tenantId: companyId, userId: null, registry: instance.ctx.registry });
  const view = async () => {
    const res = await owner.get(`${api}/privacy/retention`);
    expect(res.status).toBe(200);
    return res.body as RetentionView;
  };
  const periodRule = (v: RetentionView, key: string) => {
    const rule = v.rules.find((r) => r.kind === 'period' && r.ruleKey === key);
    if (!rule || rule.kind !== 'period') throw new Error(`no rule ${key}`);
    return rule;
  };
  const bookedBy = async () =>
    (await instance.ctx.db.selectFrom('shopfloor_bookings').select('received_by').where('tenant_id', '=', companyId).execute()).map((r) => r.received_by);

  beforeAll(async () => {
    instance = await startTestInstance(kind);
    owner = new TestClient(instance);
    companyId = await owner.signup('Aufbewahr GmbH', 'inhaberin@aufbewahr.example', 'Ina Aufbewahr');
    api = `/api/v1/companies/${companyId}`;
    expect((await owner.put(`${api}/modules/shopfloor`, { enabled: true })).status).toBe(200);
    const sf = `${api}/shopfloor`;
    const centre = (await owner.post(`${sf}/work-centres`, { code: 'SAE-1', name: 'Säge', calendar: { week: { mon: [{ name: 'Früh', start: '06:00', end: '14:00' }] } } })).body.id;
    const part = (await owner.post(`${sf}/parts`, { number: 'B-1', name: 'Bolzen', operations: [{ name: 'Sägen', workCentreId: centre, setupMinutes: 5, idealCycleSeconds: 30 }] })).body.id;
    const order = (await owner.post(`${sf}/orders`, { number: 'FA-RET-1', partId: part, quantity: 40 })).body;
    orderId = order.id;
    const op = order.operations[0].id;
    const at = (minAgo: number) => new Date(Date.now() - minAgo * 60_000).toISOString();
    const booked = await owner.post(`${sf}/bookings`, {
      bookings: [
        { key: randomUUID(), deviceId: 'tablet-1', sequence: 1, operationId: op, kind: 'start-production', at: at(60) },
        { key: randomUUID(), deviceId: 'tablet-1', sequence: 2, operationId: op, kind: 'quantity', at: at(30), good: 12, scrap: 1 },
      ],
    });
    expect(booked.status).toBe(200);
  });
  afterAll(async () => instance?.close());

  it('gives every declared category a rule and shows nothing due on fresh data', async () => {
    const v = await view();
    expect(v.enforced).toBe(true);
    const on = new Set((await instance.ctx.registry.states(instance.ctx.db, companyId)).filter((s) => s.enabled).map((s) => s.id));
    const declared = instance.ctx.registry.modules.filter((m) => on.has(m.id)).flatMap((m) => m.personalData.map((p) => `${m.id}: ${p.category.en}`));
    expect(v.rules.map((r) => `${r.moduleId}: ${r.category.en}`)).toEqual(declared);
    expect(on.has('shopfloor') && on.has('privacy')).toBe(true);
    const booking = periodRule(v, 'shopfloor.booking-person');
    expect(booking).toMatchObject({ months: 24, defaultMonths: 24, action: 'anonymise', due: { count: 0, sample: [] } });
    expect(periodRule(v, 'platform.audit-log').due.count).toBe(0);
  });

  it('lists in the dry run what a later day would anonymise, changes nothing, and then anonymises it keeping the figures', async () => {
    const later = monthsLater(24);
    const dry = await getRetention(service(), later);
    const booking = periodRule(dry, 'shopfloor.booking-person');
    expect(booking.due.count).toBe(2);
    expect(booking.due.sample.map((s) => s.what.de)).toEqual(['Rückmeldung zu FA-RET-1', 'Rückmeldung zu FA-RET-1']);
    expect(periodRule(dry, 'platform.audit-log').due.count).toBe(0);
    expect((await bookedBy()).every((id) => id !== null)).toBe(true);

    const orderBefore = (await owner.get(`${api}/shopfloor/orders/${orderId}`)).body;
    const run = await runRetention(service(), 'manual', later);
    expect(run.total).toBe(2);
    expect(run.results.find((r) => r.ruleKey === 'booking-person')).toMatchObject({ count: 2, action: 'anonymise', months: 24 });
    expect(await bookedBy()).toEqual([null, null]);
    const orderAfter = (await owner.get(`${api}/shopfloor/orders/${orderId}`)).body;
    expect(orderAfter.operations.map((o: { good: number; scrap: number; status: string }) => [o.good, o.scrap, o.status])).toEqual(
      orderBefore.operations.map((o: { good: number; scrap: number; status: string }) => [o.good, o.scrap, o.status]),
    );
    // a second run finds nothing left
    expect((await runRetention(service(), 'manual', later)).total).toBe(0);
    const logged = await view();
    expect(logged.runs.map((r) => [r.trigger, r.total])).toEqual([['manual', 0], ['manual', 2]]);
  });

  it('deletes audit entries after the audit log’s period, and a longer chosen period keeps them', async () => {
    const set = await owner.put(`${api}/privacy/retention/rules/platform.audit-log`, { months: 48 });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(periodRule(set.body, 'platform.audit-log').months).toBe(48);
    const auditCount = async () => Number((await instance.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).where('tenant_id', '=', companyId).executeTakeFirstOrThrow()).n);
    const before = await auditCount();
    expect((await getRetention(service(), monthsLater(37))).rules.some((r) => r.kind === 'period' && r.ruleKey === 'platform.audit-log' && r.due.count > 0)).toBe(false);
    await runRetention(service(), 'manual', monthsLater(37));
    // the run's own audit entry is written after the deletion
    expect(await auditCount()).toBe(before + 1);
    await runRetention(service(), 'manual', monthsLater(49));
    expect(await auditCount()).toBe(1);
  });

  it('deletes a closed breach with its notices once its documentation period has ended', async () => {
    const breach = await owner.post(`${api}/privacy/breaches`, { title: 'USB-Stick verloren', becameKnownAt: new Date(Date.now() - 3_600_000).toISOString(), risk: 'unlikely', riskReason: 'Verschlüsselt' });
    expect(breach.status, JSON.stringify(breach.body)).toBe(201);
    expect((await owner.post(`${api}/privacy/breaches/${breach.body.id}/close`, {})).status).toBe(200);
    expect(periodRule(await getRetention(service(), monthsLater(35)), 'privacy.closed-breaches').due.count).toBe(0);
    const due = periodRule(await getRetention(service(), monthsLater(36)), 'privacy.closed-breaches').due;
    expect(due.sample.map((s) => s.what.de)).toEqual(['Datenschutzvorfall „USB-Stick verloren“']);
    const run = await runRetention(service(), 'manual', monthsLater(36));
    expect(run.results.find((r) => r.ruleKey === 'closed-breaches')?.count).toBe(1);
    expect((await owner.get(`${api}/privacy/breaches/${breach.body.id}`)).status).toBe(404);
  });

  it('questions an implausible period and a pause without reason, changing nothing', async () => {
    for (const [months, code] of [[0, 'privacy_retention_too_short'], [2.5, 'privacy_retention_not_whole'], [601, 'privacy_retention_too_long']] as const) {
      const res = await owner.put(`${api}/privacy/retention/rules/shopfloor.booking-person`, { months });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe(code);
      expect(res.body.detail ?? res.body.title).toBeTruthy();
    }
    expect((await owner.put(`${api}/privacy/retention/rules/shopfloor.no-such-rule`, { months: 12 })).status).toBe(404);
    expect((await owner.put(`${api}/privacy/retention/rules/not-a-key`, { months: 12 })).status).toBe(400);
    const paused = await owner.put(`${api}/privacy/retention/enforcement`, { enforced: false, pauseReason: '' });
    expect(paused.status).toBe(400);
    expect(paused.body.code).toBe('privacy_retention_pause_reason');
    const v = await view();
    expect(periodRule(v, 'shopfloor.booking-person').months).toBe(24);
    expect(v.enforced).toBe(true);
  });

  it('runs daily per company while enforced, not while paused', async () => {
    const jobRuns = async () => (await view()).runs.filter((r) => r.trigger === 'job').length;
    const ctx = { db: instance.ctx.db, registry: instance.ctx.registry };
    const pause = await owner.put(`${api}/privacy/retention/enforcement`, { enforced: false, pauseReason: 'Rechtsstreit mit einem Lieferanten' });
    expect(pause.status).toBe(200);
    expect(pause.body).toMatchObject({ enforced: false, pauseReason: 'Rechtsstreit mit einem Lieferanten', enforcementChangedBy: 'Ina Aufbewahr' });
    await enforceRetention(ctx);
    expect(await jobRuns()).toBe(0);
    expect((await owner.put(`${api}/privacy/retention/enforcement`, { enforced: true })).status).toBe(200);
    await enforceRetention(ctx);
    await enforceRetention(ctx, Date.now() + 60 * 60_000);
    expect(await jobRuns()).toBe(1);
    await enforceRetention(ctx, Date.now() + 24 * 60 * 60_000);
    expect(await jobRuns()).toBe(2);
  });

  it('shows and changes the rules only for those who manage the company', async () => {
    const invitation = await owner.post(`${api}/invitations`, { role: 'member' });
    const member = new TestClient(instance);
    await member.post('/api/v1/invitations/accept', { token: new URL(invitation.body.link).hash.slice(1), user: { name: 'Max', email: `max-${kind}@aufbewahr.example`, password: 'correct horse battery' } });
    expect((await member.get(`${api}/privacy/retention`)).status).toBe(403);
    expect((await member.post(`${api}/privacy/retention/runs`, {})).status).toBe(403);
    expect((await member.put(`${api}/privacy/retention/rules/shopfloor.booking-person`, { months: 1 })).status).toBe(403);
    expect(periodRule(await view(), 'shopfloor.booking-person').months).toBe(24);
  });
});
