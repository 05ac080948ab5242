import { describe, expect, it } from 'vitest';
import { hashPassword } from '../kernel/auth/password.js';
import { hashPin } from '../kernel/auth/pin.js';
import { insertUser } from '../kernel/auth/user-store.js';
import { DEMO_EMAIL, DEMO_PASSWORD, findDemoCredentials } from '../kernel/demo-data.js';
import { uuidv7 } from '../kernel/db/uuid-v7.js';
import { startTestInstance } from '../kernel/testing/test-instance.js';
import { testDatabaseKinds } from '../kernel/testing/test-database.js';
import { createCompany } from '../kernel/tenancy/company-store.js';
import { DEMO_WORKER } from '../modules/shopfloor/index.js';
import { serveSettings } from './serve.js';

describe('serve settings', () => {
  it('the demo listens on 127.0.0.1 unless HOST says otherwise; production on HOST or all addresses', () => {
    const host = (args: string[], env: NodeJS.ProcessEnv) => {
      const settings = serveSettings(args, env);
      if ('error' in settings) throw new Error(settings.error);
      return settings.config.host;
    };
    expect(host(['--demo'], {})).toBe('127.0.0.1');
    expect(host(['--demo'], { HOST: '0.0.0.0' })).toBe('0.0.0.0');
    expect(host([], {})).toBe('0.0.0.0');
    expect(host([], { HOST: '10.0.0.5' })).toBe('10.0.0.5');
  });

  it('refuses options it does not know instead of ignoring them', () => {
    expect(serveSettings(['--demo', '--prod'], {})).toEqual({ error: expect.stringMatching(/unknown option: --prod/) });
  });
});

describe.each(testDatabaseKinds())('demo sign-ins a production start refuses, on the %s database', (kind) => {
  it('finds the demo account and the demo worker only while their published password and PIN work', async () => {
    const instance = await startTestInstance(kind);
    try {
      const { db } = instance.ctx;
      expect(await findDemoCredentials(instance.ctx)).toEqual([]);

      const ownerId = await insertUser(db, { email: DEMO_EMAIL, name: 'Petra Muster', passwordHash: await hashPassword(DEMO_PASSWORD), locale: 'de' });
      expect(await findDemoCredentials(instance.ctx)).toEqual([expect.stringContaining(DEMO_EMAIL)]);
      // a changed password is no published credential any more
      await db.updateTable('users').set({ password_hash: await hashPassword('a password only the operator knows') }).where('id', '=', ownerId).execute();
      expect(await findDemoCredentials(instance.ctx)).toEqual([]);

      const tenantId = await createCompany(db, instance.ctx.registry, { name: 'Muster Metallbau GmbH', ownerId });
      const workerId = uuidv7();
      await db.insertInto('users').values({ id: workerId, email: null, name: DEMO_WORKER.name, password_hash: null, locale: 'de' }).execute();
      await db.insertInto('memberships').values({ tenant_id: tenantId, user_id: workerId, role: 'shopfloor', personnel_number: DEMO_WORKER.personnelNumber, pin_hash: await hashPin(DEMO_WORKER.pin) }).execute();
      expect(await findDemoCredentials(instance.ctx)).toEqual([expect.stringMatching(/personnel number 1001, PIN 1234 in Muster Metallbau GmbH/)]);
      await db.updateTable('memberships').set({ pin_hash: await hashPin('908172') }).where('user_id', '=', workerId).execute();
      expect(await findDemoCredentials(instance.ctx)).toEqual([]);
    } finally {
      await instance.close();
    }
  });
});
