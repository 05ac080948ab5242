import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpReceiver, startSmtpReceiver } from '../../kernel/testing/smtp-receiver.js';
import type { Instance } from '../../kernel/instance.js';
import { testDatabaseKinds } from '../../kernel/testing/test-database.js';
import { TestClient, startTestInstance } from '../../kernel/testing/test-instance.js';

/** A worker's PIN sign-in locked on a terminal: the company's owners and admins get an e-mail, nobody else. */
describe.each(testDatabaseKinds())('PIN lock alert by e-mail on the %s database', (kind) => {
  let smtp: SmtpReceiver;
  let received: string[] = [];
  let instance: Instance;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    received = smtp.received;
    instance = await startTestInstance(kind, { config: { smtpUrl: smtp.url, publicUrl: 'https://werk.example' } });
  });
  afterAll(async () => {
    await instance?.close();
    await smtp?.close();
  });

  async function join(owner: TestClient, companyId: string, role: string, email: string, language: string) {
    const inv = await owner.post(`/api/v1/companies/${companyId}/invitations`, { role, email });
    const res = await new TestClient(instance).request('POST', '/api/v1/invitations/accept', { token: new URL(inv.body.link).hash.slice(1), user: { name: `${role} person`, email, password: 'long enough password' } }, { 'accept-language': language });
    expect(res.status).toBe(200);
  }
  const lockMails = () => received.filter((m) => /^Subject: .*(gesperrt|locked)/m.test(m));

  it('mails the owner and the admins in their language when a worker gets locked, with the link to unlock', async () => {
    const owner = new TestClient(instance);
    const companyId = await owner.signup('Sperrmail GmbH', `chefin-${kind}@sperrmail.example`, 'Petra Chefin');
    await owner.put(`/api/v1/companies/${companyId}/modules/shopfloor`, { enabled: true });
    await join(owner, companyId, 'admin', `admin-${kind}@sperrmail.example`, 'en');
    await join(owner, companyId, 'member', `member-${kind}@sperrmail.example`, 'de');
    const terminal = await owner.post(`/api/v1/companies/${companyId}/shopfloor/terminals`, { name: 'Halle 2' });
    const cookie = `wv_terminal=${terminal.raw.cookies.find((c) => c.name === 'wv_terminal')!.value}`;
    expect((await owner.post(`/api/v1/companies/${companyId}/workers`, { name: 'Werker Vier', personnelNumber: '4001', pin: '2468' })).status).toBe(201);

    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push((await new TestClient(instance).request('POST', '/api/v1/terminal/signin', { personnelNumber: '4001', pin: '9753' }, { cookie })).body.code);
    expect(codes).toEqual(['invalid_pin', 'invalid_pin', 'invalid_pin', 'invalid_pin', 'pin_locked']);

    await expect.poll(() => lockMails().length, { timeout: 10_000 }).toBe(2);
    const toOwner = lockMails().find((m) => m.includes(`To: chefin-${kind}@sperrmail.example`))!;
    const toAdmin = lockMails().find((m) => m.includes(`To: admin-${kind}@sperrmail.example`))!;
    expect(toOwner).toMatch(/^Subject: PIN-Anmeldung von Werker Vier \(4001\) gesperrt \(Sperrmail GmbH\)/m);
    expect(toAdmin).toMatch(/^Subject: PIN sign-in of Werker Vier \(4001\) locked \(Sperrmail GmbH\)/m);
    for (const mail of [toOwner, toAdmin]) {
      expect(mail).toContain(`https://werk.example/c/${companyId}/members`);
      expect(mail).toContain('Halle 2');
      expect(mail).not.toContain('9753');
      expect(mail).not.toContain('2468');
    }
    expect(toAdmin).toContain('five times in a row');
    expect(toOwner).toMatch(/ist bis \d\d\.\d\d\.\d{4}, \d\d:\d\d (MEZ|MESZ) gesperrt/);
    expect(received.some((m) => m.includes(`To: member-${kind}@sperrmail.example`) && /^Subject: .*gesperrt/m.test(m))).toBe(false);

    // a refused attempt while locked sends nothing more
    await new TestClient(instance).request('POST', '/api/v1/terminal/signin', { personnelNumber: '4001', pin: '9753' }, { cookie });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(lockMails()).toHaveLength(2);
  });
});
