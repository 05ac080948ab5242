import type { LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../config.js';
import { createInstance, type Instance } from '../instance.js';
import type { ModuleManifest } from '../modules/module-manifest.js';
import { allModules } from '../../modules/index.js';
import { type TestDatabaseKind, openTestDatabase } from './test-database.js';

export async function startTestInstance(
  kind: TestDatabaseKind,
  options: { config?: Partial<Config>; modules?: ModuleManifest[] } = {},
): Promise<Instance> {
  const database = await openTestDatabase(kind);
  const config = loadConfig({ ...process.env, PORT: '0', DATABASE_URL: '', SMTP_URL: '' }, { signInRateLimit: 1000, ...options.config });
  return createInstance(config, options.modules ?? allModules, { database, logger: false });
}

export interface TestResponse {
  status: number;
  headers: LightMyRequestResponse['headers'];
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  raw: LightMyRequestResponse;
}

/** A script-like API client over fastify.inject that keeps the session cookie and CSRF token. */
export class TestClient {
  cookie?: string;
  csrfToken?: string;

  /** The instance is open to fixtures that must wait for a background job (they run its step directly). */
  constructor(readonly instance: Instance) {}

  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse> {
    const raw = await this.instance.app.inject({
      method: method as 'GET',
      url,
      payload: body === undefined ? undefined : (body as object),
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken ? { 'x-csrf-token': this.csrfToken } : {}),
        ...headers,
      },
    });
    const setCookie = raw.cookies.find((c) => c.name === 'wv_session');
    if (setCookie) this.cookie = setCookie.value ? `wv_session=${setCookie.value}` : undefined;
    const isJson = /json/.test(String(raw.headers['content-type'] ?? ''));
    const parsed = isJson && raw.body ? JSON.parse(raw.body) : raw.body;
    if (parsed && typeof parsed === 'object' && typeof parsed.csrfToken === 'string') this.csrfToken = parsed.csrfToken;
    if (parsed?.me?.csrfToken) this.csrfToken = parsed.me.csrfToken;
    return { status: raw.statusCode, headers: raw.headers, body: parsed, raw };
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown) => this.request('POST', url, body ?? {});
  patch = (url: string, body: unknown) => this.request('PATCH', url, body);
  put = (url: string, body: unknown) => this.request('PUT', url, body);
  delete = (url: string) => this.request('DELETE', url);

  /** Signs up a new company; returns its id. */
  async signup(company: string, email: string, name = 'Test Person', password = 'correct horse battery'): Promise<string> {
    const res = await this.post('/api/v1/auth/signup', { company: { name: company }, user: { name, email, password } });
    if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.companies[0].id as string;
  }

  async login(email: string, password = 'correct horse battery'): Promise<TestResponse> {
    return this.post('/api/v1/auth/login', { email, password });
  }
}
