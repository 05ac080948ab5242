import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../instance.js';
import { TestClient, startTestInstance } from '../testing/test-instance.js';
import { testDatabaseKinds } from '../testing/test-database.js';

/** Router errors as problems without the URL, and the Origin / Sec-Fetch-Site check after CSRF. */
describe.each(testDatabaseKinds())('origin check and URL limits on the %s database', (kind) => {
  let instance: Instance;
  let owner: TestClient;
  let companyId: string;
  beforeAll(async () => {
    instance = await startTestInstance(kind, { config: { publicUrl: 'https://werk.example.org' } });
    owner = new TestClient(instance);
    companyId = await owner.signup('Herkunft GmbH', 'chef@herkunft.example');
  });
  afterAll(async () => instance?.close());

  it('answers an over-long path parameter with a translated 414 problem that does not echo the URL', async () => {
    const marker = `${'x'.repeat(300)}%3Cscript%3Ealert(1)%3C%2Fscript%3E`;
    for (const [locale, title] of [['de', 'Die Adresse ist zu lang.'], ['en', 'The address is too long.']]) {
      const res = await owner.request('GET', `/api/v1/companies/${marker}`, undefined, { 'accept-language': locale });
      expect(res.status).toBe(414);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({ status: 414, code: 'uri_too_long', title });
      expect(res.raw.body).not.toContain('xxxxxxxx');
      expect(res.raw.body).not.toContain('script');
    }
    const bad = await owner.request('GET', '/api/v1/companies/%E0%A4%A');
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.raw.body).not.toContain('%E0');
  });

  const rename = (name: string, headers: Record<string, string>) => owner.request('PATCH', `/api/v1/companies/${companyId}`, { name }, headers);
  const currentName = async () => (await owner.get(`/api/v1/companies/${companyId}`)).body.name;

  it('refuses state-changing requests a browser marks as cross-site, even with session and CSRF token', async () => {
    for (const headers of [
      { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'same-site', origin: 'https://other.werk.example.org' },
      { origin: 'https://werk.example.org.evil.example' },
    ] as Record<string, string>[]) {
      const res = await rename('Gekapert', headers);
      expect([res.status, res.body.code], JSON.stringify(headers)).toEqual([403, 'cross_site']);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect(await currentName()).toBe('Herkunft GmbH');
    // a cross-site sign-in form (login CSRF) is refused too
    const login = await new TestClient(instance).request('POST', '/api/v1/auth/login', { email: 'chef@herkunft.example', password: 'correct horse battery' }, { origin: 'https://evil.example' });
    expect([login.status, login.body.code]).toEqual([403, 'cross_site']);
    expect(login.raw.cookies.some((c) => c.name === 'wv_session')).toBe(false);
  });

  it('lets same-origin browsers and clients without these headers through', async () => {
    for (const [i, headers] of ([
      {},
      { 'sec-fetch-site': 'same-origin', origin: 'https://werk.example.org' },
      { 'sec-fetch-site': 'same-origin' },
      { origin: 'https://werk.example.org' },
      { origin: 'http://localhost:3000', host: 'localhost:3000' },
      { 'sec-fetch-site': 'none' },
    ] as Record<string, string>[]).entries()) {
      const res = await rename(`Herkunft ${i}`, headers);
      expect(res.status, JSON.stringify(headers)).toBe(200);
      expect(await currentName()).toBe(`Herkunft ${i}`);
    }
    // reading is never refused: a cross-site GET changes nothing and CORS keeps the answer from the page
    expect((await owner.request('GET', `/api/v1/companies/${companyId}`, undefined, { 'sec-fetch-site': 'cross-site' })).status).toBe(200);
  });
});
