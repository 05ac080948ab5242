import { isIP } from 'node:net';
import path from 'node:path';
import { APP_ROOT } from './app-root.js';
import { outboundAllowFromEnv, parseOutboundAllow } from './net/outbound-policy.js';

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
  /**
   * Which proxies may name the client address in `X-Forwarded-For`: none (false, the default), the
   * number of proxy hops in front of the server, or the proxies' addresses (CIDR allowed).
   */
  trustProxy: false | number | string[];
  logLevel: string;
  webDir: string;
  /** Operator token for `GET /api/health/details` (`WERKVERBUND_HEALTH_TOKEN`); details are off without it. */
  healthToken?: string;
  /** Exceptions to the block of non-public addresses for outbound connections (webhooks, MQTT, OPC UA): CIDRs, addresses, host names, `*`. */
  outboundAllow: string[];
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
    trustProxy: parseTrustProxy(env.WERKVERBUND_TRUST_PROXY),
    logLevel: env.LOG_LEVEL ?? 'info',
    // the built web app of this installation, wherever the process was started
    webDir: path.resolve(env.WERKVERBUND_WEB_DIR ?? path.join(APP_ROOT, 'dist', 'web')),
    healthToken: env.WERKVERBUND_HEALTH_TOKEN?.trim() || undefined,
    outboundAllow: outboundAllowFromEnv(env),
  };
  if (config.healthToken && config.healthToken.length < 24) throw new Error('WERKVERBUND_HEALTH_TOKEN must be at least 24 characters (e.g. openssl rand -hex 24)');
  parseOutboundAllow(config.outboundAllow); // a wrong entry stops the start with its name
  return { ...config, ...overrides };
}

const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * `WERKVERBUND_TRUST_PROXY`: unset or `off` trusts no proxy (a forged `X-Forwarded-For` changes
 * nothing); a number trusts that many hops; otherwise a comma-separated list of proxy addresses
 * or ranges (`10.0.0.5`, `10.0.0.0/8`, `::1`, or `loopback`, `linklocal`, `uniquelocal`).
 */
export function parseTrustProxy(value: string | undefined): false | number | string[] {
  const text = (value ?? '').trim();
  if (text === '' || /^(off|false|no|0)$/i.test(text)) return false;
  if (/^\d+$/.test(text)) return Number(text);
  const entries = text.split(',').map((e) => e.trim()).filter(Boolean);
  for (const entry of entries) {
    const [address, bits, ...rest] = entry.split('/');
    const version = isIP(address);
    const validBits = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (version === 6 ? 128 : 32));
    if (!(PROXY_RANGE_NAMES.has(entry) || (version !== 0 && validBits && rest.length === 0))) {
      throw new Error(`WERKVERBUND_TRUST_PROXY must be "off", a number of proxy hops or a comma-separated list of proxy addresses, got "${entry}"`);
    }
  }
  return entries;
}
