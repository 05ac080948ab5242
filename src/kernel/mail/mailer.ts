import nodemailer from 'nodemailer';

export interface Mailer {
  /** Sends when SMTP is configured; returns whether a mail went out. */
  send(message: { to: string; subject: string; text: string }): Promise<boolean>;
}

export function createMailer(smtpUrl: string | undefined, from: string): Mailer {
  if (!smtpUrl) return { send: async () => false };
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    send: async (message) => {
      await transport.sendMail({ from, ...message });
      return true;
    },
  };
}
