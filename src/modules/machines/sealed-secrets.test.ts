import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeAt, enableTotp } from '../../kernel/account/account-test-helpers.js';
import type { Instance } from '../../kernel/instance.js';
import { outboundPolicy } from '../../kernel/net/outbound-policy.js';
import { forgetLoadedKeys, keyFilePath, previousKeyFilePath } from '../../kernel/secrets/instance-keys.js';
import { rotateSecrets } from '../../kernel/secrets/rotate-secrets.js';
import { sealPlainValues } from '../../kernel/secrets/sealed-columns.js';
import { sealedColumnsOf } from '../../kernel/secrets/sealed-secrets-job.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';
import { findConnection } from './connections.store.js';
import { machinesBox, openPassword } from './sealed-secrets.js';
import { openSubscriptionSecret } from '../../kernel/webhooks/webhook-secrets.js';
import { machinesEventTypes } from './alarm-events.store.js';
import { SourceSupervisor } from './sources/source-supervisor.js';
import { modulesWithMachines } from './test-modules.js';

const PASSWORD = 'Mqtt-Passwort-Halle-7';
const HEALTH_TOKEN = 'operator-token-0123456789abcdef';

describe.each(testDatabaseKinds())('secrets at rest on the %s database', (kind) => {
  let instance: Instance;
  let s: { owner: TestClient; id: string; connectionId: string; webhookId: string; webhookSecret: string; userId: string };
  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'wv-sealed-'));
    instance = await startTestInstance(kind, { modules: modulesWithMachines, config: { dataDir, outboundAllow: [], healthToken: HEALTH_TOKEN } });
    const owner = new TestClient(instance);
    const id = await owner.signup('Tresor GmbH', `owner-${kind}@tresor.example`);
    await owner.put(`/api/v1/companies/${id}/modules/machines`, { enabled: true });
    const machine = await owner.post(`/api/v1/companies/${id}/machines`, { name: 'Presse 7' });
    const connection = await owner.post(`/api/v1/companies/${id}/machine-connections`, {
      kind: 'mqtt', name: 'Broker Halle 7', url: 'mqtt://broker.halle7.example:1883', username: 'werk', password: PASSWORD,
      clientId: 'wv-halle7', topic: 'werk/{machine}/{point}', payload: 'value', machineKeys: [{ key: 'presse-7', machineId: machine.body.id }],
    });
    expect(connection.status).toBe(201);
    // an alarm webhook: the kernel's webhook subscription to the machine alarm events
    const hook = await owner.post(`/api/v1/companies/${id}/webhooks`, { url: 'https://leitstand.tresor.example/hook', eventTypes: machinesEventTypes });
    expect(hook.status).toBe(201);
    const user = await instance.ctx.db.selectFrom('users').select('id').where('email', '=', `owner-${kind}@tresor.example`).executeTakeFirstOrThrow();
    s = { owner, id, connectionId: connection.body.id, webhookId: hook.body.id, webhookSecret: hook.body.secret, userId: user.id };
  });
  afterAll(async () => instance?.close());

  const config = () => instance.ctx.config;
  const rowText = async (table: 'machine_connections' | 'webhook_subscriptions') =>
    (await sql<{ t: string }>`select t::text as t from ${sql.table(table)} t where tenant_id = ${s.id}`.execute(instance.ctx.db)).rows.map((r) => r.t).join('\n');
  const stored = async () => {
    const c = await instance.ctx.db.selectFrom('machine_connections').select('password').where('tenant_id', '=', s.id).executeTakeFirstOrThrow();
    const w = await instance.ctx.db.selectFrom('webhook_subscriptions').select(['secret', 'secret_context']).where('tenant_id', '=', s.id).executeTakeFirstOrThrow();
    const u = await instance.ctx.db.selectFrom('users').select('totp_secret').where('id', '=', s.userId).executeTakeFirstOrThrow();
    return { password: c.password as string, secret: w.secret as string, totp: u.totp_secret as string | null, secretContext: w.secret_context };
  };
  const opened = async () => {
    const box = machinesBox(config());
    const c = (await findConnection(instance.ctx.db, s.id, s.connectionId))!;
    const w = await stored();
    return { password: openPassword(box, c), secret: openSubscriptionSecret(config(), s.id, s.webhookId, w) };
  };

  it('stores the connection password and the webhook secret encrypted with the key id, and never returns them', async () => {
    const keyId = machinesBox(config()).keyId;
    const row = await stored();
    expect(row.password).toMatch(new RegExp(`^v2:${keyId}:`));
    expect(row.secret).toMatch(new RegExp(`^v2:${keyId}:`));
    expect(await rowText('machine_connections')).not.toContain(PASSWORD);
    expect(await rowText('webhook_subscriptions')).not.toContain(s.webhookSecret);
    expect(await rowText('webhook_subscriptions')).not.toContain(s.webhookSecret.slice(6, 30));
    expect(await opened()).toEqual({ password: PASSWORD, secret: s.webhookSecret });

    const api = `/api/v1/companies/${s.id}`;
    for (const url of [`${api}/machine-connections`, `${api}/machine-connections/${s.connectionId}`, `${api}/webhooks`]) {
      const res = await s.owner.get(url);
      expect(res.status).toBe(200);
      expect(res.raw.body).not.toContain(PASSWORD);
      expect(res.raw.body).not.toContain(s.webhookSecret);
      expect(res.raw.body).not.toContain(row.password);
    }
  });

  it('seals plain values stored before encryption at rest, once, losing none', async () => {
    await instance.ctx.db.updateTable('machine_connections').set({ password: 'altes-klartext-passwort' }).where('tenant_id', '=', s.id).execute();
    await instance.ctx.db.updateTable('webhook_subscriptions').set({ secret: 'whsec_altes-klartext-geheimnis' }).where('tenant_id', '=', s.id).execute();
    await instance.ctx.db.updateTable('users').set({ totp_secret: 'JBSWY3DPEHPK3PXP' }).where('id', '=', s.userId).execute();

    expect(await instance.ctx.jobs.runNow('platform.sealed-secrets')).toBe('succeeded');
    const first = await stored();
    expect(first.password).toMatch(/^v2:/);
    expect(first.totp).toMatch(/^v2:/);
    expect(await rowText('machine_connections')).not.toContain('altes-klartext');
    expect(await rowText('webhook_subscriptions')).not.toContain('altes-klartext');
    expect(await opened()).toEqual({ password: 'altes-klartext-passwort', secret: 'whsec_altes-klartext-geheimnis' });
    expect(machinesBox(config()).open(first.totp!, s.userId)).toBe('JBSWY3DPEHPK3PXP');

    // idempotent: sealed values are left alone
    expect(await sealPlainValues(instance.ctx.db, sealedColumnsOf(instance.ctx.registry), machinesBox(config()))).toBe(0);
    expect(await instance.ctx.jobs.runNow('platform.sealed-secrets')).toBe('succeeded');
    expect(await stored()).toEqual(first);
  });

  it('rotates: every secret (TOTP too) re-encrypted under a new key, the old key kept outside the database', async () => {
    const before = await stored();
    const plain = await opened();
    const oldKeyId = machinesBox(config()).keyId;
    const message = await rotateSecrets(instance.ctx.db, sealedColumnsOf(instance.ctx.registry), config(), {});
    const newKeyId = machinesBox(config()).keyId;
    expect(newKeyId).not.toBe(oldKeyId);
    expect(message).toContain(newKeyId);
    expect(message).toContain(previousKeyFilePath(config()));
    const after = await stored();
    for (const value of [after.password, after.secret, after.totp]) expect(value).toMatch(new RegExp(`^v2:${newKeyId}:`));
    for (const k of ['password', 'secret', 'totp'] as const) expect(after[k]).not.toBe(before[k]);
    expect(await opened()).toEqual(plain);
    expect(machinesBox(config()).open(after.totp!, s.userId)).toBe('JBSWY3DPEHPK3PXP');
    expect(readFileSync(previousKeyFilePath(config()), 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('with a changed key: the connection shows it cannot decrypt, the API answers a translated 409, health details report it, rotation refuses', async () => {
    const rightKey = readFileSync(keyFilePath(config()), 'utf8');
    const person = new TestClient(instance);
    await person.signup('Zweiter Faktor GmbH', `tom-${kind}@tresor.example`);
    const { secret: totpSecret } = await enableTotp(person);
    const before = await stored();
    writeFileSync(keyFilePath(config()), `${randomBytes(32).toString('base64')}\n`);
    forgetLoadedKeys();
    try {
      const supervisor = new SourceSupervisor(instance.ctx, { pkiDir: path.join(config().dataDir, 'pki'), outbound: outboundPolicy(config()), secrets: machinesBox(config()) });
      await supervisor.start();
      const status = supervisor.status(s.id, s.connectionId);
      await supervisor.stop();
      expect(status).toMatchObject({ state: 'secretUnreadable', lastError: expect.stringMatching(/key changed\?/) });
      expect(status?.lastError).not.toContain(PASSWORD);

      const test = await s.owner.request('POST', `/api/v1/companies/${s.id}/webhooks/${s.webhookId}/test`, {}, { 'accept-language': 'de' });
      expect(test.status).toBe(409);
      expect(test.body).toMatchObject({ code: 'secret_unreadable', title: expect.stringContaining('Schlüssel geändert?') });
      expect(test.raw.body).not.toMatch(/\bat .*\.ts:\d+/);

      const signIn = new TestClient(instance);
      const first = await signIn.login(`tom-${kind}@tresor.example`);
      expect(first.body.secondFactor).toBe('totp');
      const second = await signIn.request('POST', '/api/v1/auth/login/second-factor', { challenge: first.body.challenge, code: codeAt(totpSecret) }, { 'accept-language': 'en' });
      expect(second.status).toBe(409);
      expect(second.body).toMatchObject({ code: 'secret_unreadable', title: expect.stringContaining('was the key changed?') });

      expect(await instance.ctx.jobs.runNow('platform.sealed-secrets')).toBe('failed');
      const details = await instance.app.inject({ method: 'GET', url: '/api/health/details', headers: { authorization: `Bearer ${HEALTH_TOKEN}` } });
      expect(details.statusCode).toBe(200);
      const health = details.json();
      expect(health.status).toBe('degraded');
      expect(health.components.secrets).toMatchObject({ state: 'failed', detail: expect.stringContaining('machine_connections.password: 1') });
      const job = health.jobs.items.find((j: { id: string }) => j.id === 'platform.sealed-secrets');
      expect(job).toMatchObject({ failing: true, lastError: expect.stringContaining('key changed?') });
      expect(details.body).not.toContain(PASSWORD);
      expect(details.body).not.toContain(s.webhookSecret);

      await expect(rotateSecrets(instance.ctx.db, sealedColumnsOf(instance.ctx.registry), config(), {})).rejects.toThrow(/cannot be decrypted.*nothing was changed/);
      expect(await stored()).toEqual(before);
    } finally {
      writeFileSync(keyFilePath(config()), rightKey);
      forgetLoadedKeys();
    }
    expect(await instance.ctx.jobs.runNow('platform.sealed-secrets')).toBe('succeeded');
    expect((await opened()).password).toBe('altes-klartext-passwort');
  });
});
