import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** Directory of the embedded database; ignored when databaseUrl is set. */
  dataDir: string;
  databaseUrl?: string;
  /** Public base URL used in invitation links; derived from the port when unset. */
  publicUrl: string;
  /** Secure cookies: on when the public URL is https. */
  secureCookies: boolean;
  smtpUrl?: string;
  mailFrom: string;
  /** Sign-in attempts allowed per client address and minute. */
  signInRateLimit: number;
  logLevel: string;
  webDir: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const publicUrl = (env.WERKVERBUND_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
  const config: Config = {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.WERKVERBUND_DATA ?? 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    publicUrl,
    secureCookies: publicUrl.startsWith('https://'),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'Werkverbund <no-reply@localhost>',
    signInRateLimit: Number(env.WERKVERBUND_SIGNIN_RATE_LIMIT ?? 10),
    logLevel: env.LOG_LEVEL ?? 'info',
    webDir: path.resolve(env.WERKVERBUND_WEB_DIR ?? 'dist/web'),
  };
  return { ...config, ...overrides };
}
