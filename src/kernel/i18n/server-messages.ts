import { readFileSync } from 'node:fs';

export type Locale = 'de' | 'en';
type Messages = Record<string, unknown>;

const load = (locale: Locale): Messages =>
  JSON.parse(readFileSync(new URL(`./${locale}.json`, import.meta.url), 'utf8')) as Messages;

const catalogues: Record<Locale, Messages> = { de: load('de'), en: load('en') };

/** Adds a module's server messages (merged under its own top-level keys). */
export function addServerMessages(locale: Locale, messages: Messages): void {
  catalogues[locale] = { ...catalogues[locale], ...messages };
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
