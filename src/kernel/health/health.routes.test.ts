import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import type { Instance } from '../instance.js';
import { testDatabaseKinds } from '../testing/test-database.js';
import { TestClient, startTestInstance } from '../testing/test-instance.js';
import { APP_VERSION } from '../version.js';
import { allModules } from '../../modules/index.js';

const TOKEN = 'operator-token-0123456789abcdef';
const auth = { authorization: `Bearer ${TOKEN}` };

// The machine jobs read their intervals when the instance is created: a no-data check every
// second and the embedded broker on a free port.
process.env.WERKVERBUND_MACHINE_NODATA_CHECK_SECONDS = '1';
process.env.WERKVERBUND_MQTT_PORT = '0';
process.env.WERKVERBUND_MQTT_HOST = '127.0.0.1';

describe('operator token setting', () => {
  it('is off when unset and refuses a short token', () => {
    expect(loadConfig({}).healthToken).toBeUndefined();
    expect(loadConfig({ WERKVERBUND_HEALTH_TOKEN: ` ${TOKEN} ` }).healthToken).toBe(TOKEN);
    expect(() => loadConfig({ WERKVERBUND_HEALTH_TOKEN: 'short' })).toThrow(/at least 24/);
  });
});

describe.each(testDatabaseKinds())('health details on the %s database', (kind) => {
  let instance: Instance;
  let closed: Instance | undefined;
  beforeAll(async () => {
    instance = await startTestInstance(kind, { modules: allModules, config: { healthToken: TOKEN } });
  });
  afterAll(async () => {
    await instance?.close();
    await closed?.close();
  });

  const details = (headers: Record<string, string> = auth) => instance.app.inject({ method: 'GET', url: '/api/health/details', headers });

  it('is off without an operator token and refuses a missing or wrong token, translated', async () => {
    closed = await startTestInstance(kind, { modules: allModules });
    const off = await closed.app.inject({ method: 'GET', url: '/api/health/details', headers: auth });
    expect(off.statusCode).toBe(403);
    expect(off.headers['content-type']).toContain('application/problem+json');
    expect(off.json()).toMatchObject({ code: 'health_details_disabled', title: expect.stringContaining('WERKVERBUND_HEALTH_TOKEN') });
    const refused: Array<Record<string, string>> = [{}, { authorization: 'Bearer wrong-token-0123456789abcdef' }, { authorization: TOKEN }, { authorization: `Basic ${TOKEN}` }];
    for (const headers of refused) {
      const res = await details(headers);
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'health_token_invalid', title: expect.stringContaining('Betreiber-Token') });
      expect(res.body).not.toContain('"jobs"');
    }
    const english = await details({ 'accept-language': 'en-GB,en' });
    expect(english.json().title).toContain('operator token');
    expect((await instance.app.inject({ method: 'GET', url: `/api/health/details?token=${TOKEN}` })).statusCode).toBe(401);
  });

  it('lists every job, the database, the MQTT broker, version and uptime', async () => {
    const res = await details();
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(body).toMatchObject({ version: APP_VERSION, database: { kind, reachable: true }, components: { mqtt: { state: 'notStarted' } }, jobs: { running: false } });
    expect(body.uptimeSeconds).toBeGreaterThanOrEqual(0);
    expect(body.jobs.items.map((j: { id: string }) => j.id).sort()).toEqual(['customers.production-finished', 'machines.aggregation', 'machines.maintenance', 'machines.no-data', 'machines.notifications', 'platform.expired-sign-in-state', 'platform.sealed-secrets', 'platform.webhook-delivery', 'privacy.retention']);
    expect(body.jobs.items.find((j: { id: string }) => j.id === 'machines.no-data')).toMatchObject({ intervalMs: 1000, moduleId: 'machines', state: 'idle', lastSuccessAt: null, lastFailureAt: null });
  });

  it('shows a failing job within a minute, with its message for the operator and without it for company admins', async () => {
    const owner = new TestClient(instance);
    const companyId = await owner.signup('Gesund GmbH', `owner-${kind}@health.example`);
    const inv = await owner.post(`/api/v1/companies/${companyId}/invitations`, { role: 'member' });
    const member = new TestClient(instance);
    await member.post('/api/v1/invitations/accept', { token: new URL(inv.body.link).hash.slice(1), user: { name: 'Mia Mitglied', email: `member-${kind}@health.example`, password: 'long enough password' } });
    const running = await allModules.find((m) => m.id === 'machines')!.start!(instance.ctx);
    instance.ctx.jobs.start();
    try {
      await expect.poll(async () => (await details()).json().jobs.items.find((j: { id: string }) => j.id === 'machines.no-data').state, { timeout: 20_000 }).toBe('ok');
      const healthy = (await details()).json();
      expect(healthy.components.mqtt).toMatchObject({ state: 'ok', detail: expect.stringMatching(/^port \d+$/) });
      expect(healthy.jobs.running).toBe(true);

      // The no-data check loses its table: its next run fails.
      await sql`alter table machine_alarm_rules rename to machine_alarm_rules_away`.execute(instance.ctx.db);
      const broke = Date.now();
      await expect.poll(async () => (await details()).json().jobs.items.find((j: { id: string }) => j.id === 'machines.no-data').failing, { timeout: 60_000, interval: 250 }).toBe(true);
      const seenAfterMs = Date.now() - broke;
      expect(seenAfterMs).toBeLessThan(60_000);
      console.info(`health: failing no-data job visible after ${seenAfterMs} ms (${kind})`);
      const failing = (await details()).json();
      expect(failing.status).toBe('degraded');
      const job = failing.jobs.items.find((j: { id: string }) => j.id === 'machines.no-data');
      expect(job).toMatchObject({ state: 'failing', lastError: expect.stringContaining('machine_alarm_rules') });
      expect(Date.parse(job.lastFailureAt)).toBeGreaterThanOrEqual(broke);

      // The admin page's route: the same state, no error text; members may not; outsiders get 404.
      const page = await owner.get(`/api/v1/companies/${companyId}/health`);
      expect(page.status).toBe(200);
      const seen = page.body.jobs.items.find((j: { id: string }) => j.id === 'machines.no-data');
      expect(seen).toMatchObject({ state: 'failing', failing: true, lastError: null, lastFailureAt: expect.any(String) });
      expect(JSON.stringify(page.body)).not.toContain('machine_alarm_rules');
      expect((await member.get(`/api/v1/companies/${companyId}/health`)).status).toBe(403);
      const outsider = new TestClient(instance);
      await outsider.signup('Fremd GmbH', `outsider-${kind}@health.example`);
      expect((await outsider.get(`/api/v1/companies/${companyId}/health`)).status).toBe(404);

      // Repaired: the next run succeeds and the job is ok again.
      await sql`alter table machine_alarm_rules_away rename to machine_alarm_rules`.execute(instance.ctx.db);
      // read through the admin page's route: the details are rate-limited per address (30 a minute)
      await expect.poll(async () => (await owner.get(`/api/v1/companies/${companyId}/health`)).body.jobs?.items.find((j: { id: string }) => j.id === 'machines.no-data').state, { timeout: 60_000, interval: 500 }).toBe('ok');
    } finally {
      await instance.ctx.jobs.stop();
      await running.stop();
    }
    expect((await details()).json().components.mqtt).toEqual({ state: 'notStarted' });
  });
});
