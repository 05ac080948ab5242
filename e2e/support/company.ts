import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import type { Instance } from '../../src/kernel/instance.js';
import { TestClient } from '../../src/kernel/testing/test-instance.js';
import { launchBrowser } from './browser.js';
import { startServer } from './server.js';

export interface StartedCompany {
  instance: Instance;
  baseURL: string;
  browser: Browser;
  /** Signed in as the company's owner. */
  client: TestClient;
  companyId: string;
}

/** Werkverbund and Chromium started, a company signed up by its owner, and its modules switched on. */
export async function startWithCompany(o: { company: string; email: string; owner: string; password: string; modules: string[] }): Promise<StartedCompany> {
  const { instance, baseURL } = await startServer();
  const browser = await launchBrowser();
  const client = new TestClient(instance);
  const companyId = await client.signup(o.company, o.email, o.owner, o.password);
  for (const m of o.modules) expect((await client.put(`/api/v1/companies/${companyId}/modules/${m}`, { enabled: true })).status).toBe(200);
  return { instance, baseURL, browser, client, companyId };
}
