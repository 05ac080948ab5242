import { readFileSync } from 'node:fs';

export type Locale = 'de' | 'en';
type Messages = Record<string, unknown>;

const load = (locale: Locale): Messages =>
  JSON.parse(readFileSync(new URL(`./${locale}.json`, import.meta.url), 'utf8')) as Messages;

const catalogues: Record<Locale, Messages> = { de: load('de'), en: load('en') };

/** Adds a module's server messages, e.g. its own `errors.<code>` entries (merged one level deep). */
export function addServerMessages(locale: Locale, messages: Messages): void {
  const target = catalogues[locale];
  for (const [key, value] of Object.entries(messages)) {
    const existing = target[key];
    target[key] = existing && typeof existing === 'object' && typeof value === 'object' ? { ...(existing as Messages), ...(value as Messages) } : value;
  }
}

export function translate(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const value = key.split('.').reduce<unknown>((node, part) => (node as Messages | undefined)?.[part], catalogues[locale]);
  if (typeof value !== 'string') return key;
  return value.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** German unless the client prefers English (user setting first, then Accept-Language). */
export function pickLocale(userLocale: string | undefined, acceptLanguage: string | undefined): Locale {
  if (userLocale === 'de' || userLocale === 'en') return userLocale;
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'de';
}
