import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../instance.js';
import { TestClient, startTestInstance } from '../testing/test-instance.js';

/** With SMTP configured, an invitation also goes out by e-mail (to a real SMTP server in the test). */
describe('invitation by e-mail', () => {
  const received: string[] = [];
  let smtp: SMTPServer;
  let instance: Instance;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, callback) {
        let text = '';
        stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        stream.on('end', () => {
          received.push(text);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    instance = await startTestInstance('embedded', { config: { smtpUrl: `smtp://127.0.0.1:${port}`, publicUrl: 'https://werk.example' } });
  });
  afterAll(async () => {
    await instance?.close();
    await new Promise<void>((resolve) => smtp.close(resolve));
  });

  it('sends the link in the inviter\'s language and reports it', async () => {
    const owner = new TestClient(instance);
    const companyId = await owner.signup('Mail GmbH', 'owner@mail.example', 'Olga Owner');
    const res = await owner.post(`/api/v1/companies/${companyId}/invitations`, { email: 'neu@mail.example', role: 'member' });
    expect(res.status).toBe(201);
    expect(res.body.mailed).toBe(true);
    expect(res.body.link).toMatch(/^https:\/\/werk\.example\/invite#/);
    expect(received).toHaveLength(1);
    const mail = received[0].replace(/=\r?\n/g, '');
    expect(mail).toMatch(/^To: neu@mail\.example/m);
    expect(mail).toContain(res.body.link);
    expect(mail).toMatch(/Olga Owner l=C3=A4dt Sie ein|Olga Owner lädt Sie ein/);
  });
});
