import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../instance.js';
import { testDatabaseKinds } from '../testing/test-database.js';
import { TestClient, startTestInstance } from '../testing/test-instance.js';
import { enableTotp } from './account-test-helpers.js';
import { createResetLink, switchOffSecondFactor } from './operator-actions.js';

/** What the operator can do without SMTP: `werkverbund account reset-link` and `account totp-off`. */
describe.each(testDatabaseKinds())('operator account actions on the %s database', (kind) => {
  let instance: Instance;
  beforeAll(async () => {
    instance = await startTestInstance(kind, { config: { publicUrl: 'https://werk.example' } });
  });
  afterAll(async () => instance?.close());

  it('prints a reset link that works once, and nothing for an unknown address', async () => {
    await new TestClient(instance).signup('Betrieb GmbH', 'bert@betrieb.example');
    expect(await createResetLink(instance.ctx.db, instance.ctx.config, 'nobody@betrieb.example')).toBeNull();
    const link = await createResetLink(instance.ctx.db, instance.ctx.config, 'Bert@Betrieb.example');
    expect(link).toMatch(/^https:\/\/werk\.example\/reset-password#[A-Za-z0-9_-]{43}$/);
    const token = new URL(link!).hash.slice(1);
    const anon = new TestClient(instance);
    expect((await anon.post('/api/v1/auth/password-reset/complete', { token, password: 'set by the operator link' })).status).toBe(204);
    expect((await anon.post('/api/v1/auth/password-reset/complete', { token, password: 'set by the operator link' })).status).toBe(404);
    expect((await anon.login('bert@betrieb.example', 'set by the operator link')).status).toBe(200);
  });

  it('switches off a lost second factor and ends the sessions', async () => {
    const c = new TestClient(instance);
    await c.signup('Verloren GmbH', 'vlad@verloren.example');
    await enableTotp(c);
    expect(await switchOffSecondFactor(instance.ctx.db, 'vlad@verloren.example')).toBe(true);
    expect(await switchOffSecondFactor(instance.ctx.db, 'nobody@verloren.example')).toBe(false);
    instance.ctx.access.dropSessions(() => true);
    expect((await c.get('/api/v1/me')).status).toBe(401);
    const login = await new TestClient(instance).login('vlad@verloren.example');
    expect(login.body.user.email).toBe('vlad@verloren.example');
  });
});
