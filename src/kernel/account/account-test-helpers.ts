import { expect } from 'vitest';
import type { TestClient } from '../testing/test-instance.js';
import { TOTP_PERIOD, totpCode } from './totp.js';

/** A code of the time step `steps` after the current one (accepted within one step of drift). */
export const codeAt = (secret: string, steps = 0) => totpCode(secret, Date.now() + steps * TOTP_PERIOD * 1000);

/** Switches TOTP on for the signed-in client; returns the secret and the recovery codes. */
export async function enableTotp(client: TestClient, password = 'correct horse battery') {
  const setup = await client.post('/api/v1/me/totp/setup', { password });
  expect(setup.status).toBe(200);
  const secret = setup.body.secret as string;
  const confirmed = await client.post('/api/v1/me/totp/confirm', { code: codeAt(secret) });
  expect(confirmed.status).toBe(200);
  return { secret, recoveryCodes: confirmed.body.recoveryCodes as string[] };
}
