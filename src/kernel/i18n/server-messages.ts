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

const loaded = new Map<string, Record<Locale, Messages>>();

/**
 * The one place a module's server messages come from: `de.json` and `en.json` in the given
 * folder (a module's `server-i18n/`). They are added to the catalogues `translate` reads and
 * returned as they are, so report labels and error texts live in the same files. Read once.
 */
export function loadServerMessages<T = Messages>(folder: URL): Record<Locale, T> {
  let messages = loaded.get(folder.href);
  if (!messages) {
    const read = (locale: Locale) => JSON.parse(readFileSync(new URL(`${locale}.json`, folder), 'utf8')) as Messages;
    messages = { de: read('de'), en: read('en') };
    addServerMessages('de', messages.de);
    addServerMessages('en', messages.en);
    loaded.set(folder.href, messages);
  }
  return messages as Record<Locale, T>;
}

/** Puts the parameters into a message's {{name}} places (`missing` where a parameter is not given). */
export function fillMessage(template: string, params: Record<string, string | number>, missing = ''): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? missing));
}

const lookup = (locale: Locale, key: string): unknown => {
  // keys may themselves hold dots below their first level (e.g. `audit.shopfloor.order_created`)
  const [head, ...rest] = key.split('.');
  const top = catalogues[locale][head!] as Messages | undefined;
  if (rest.length > 0 && top && typeof top === 'object' && rest.join('.') in top) return top[rest.join('.')];
  return key.split('.').reduce<unknown>((node, part) => (node as Messages | undefined)?.[part], catalogues[locale]);
};

const pluralRules: Record<Locale, Intl.PluralRules> = { de: new Intl.PluralRules('de'), en: new Intl.PluralRules('en') };

/**
 * The key of a message's form for a count, i18next-style: `key_one` / `key_other` (by the locale's
 * plural rules) where the catalogue has that form, otherwise the plain `key`.
 */
export function pluralKey(locale: Locale, key: string, count: number): string {
  const form = `${key}_${pluralRules[locale].select(count)}`;
  return typeof lookup(locale, form) === 'string' ? form : key;
}

/** The message for a key: with a numeric `count` parameter its plural form; without one the plain `key`, else `key_other`. */
const message = (locale: Locale, key: string, params: Record<string, string | number>): string | undefined => {
  const forms = typeof params.count === 'number' ? [pluralKey(locale, key, params.count), `${key}_other`] : [key, `${key}_other`];
  for (const form of forms) {
    const value = lookup(locale, form);
    if (typeof value === 'string') return value;
  }
  return undefined;
};

export function hasMessage(locale: Locale, key: string): boolean {
  return message(locale, key, {}) !== undefined;
}

export function translate(locale: Locale, key: string, params: Record<string, string | number> = {}, missing = ''): string {
  const value = message(locale, key, params);
  if (value === undefined) return key;
  return fillMessage(value, params, missing);
}

/** German unless the client prefers English (user setting first, then Accept-Language). */
export function pickLocale(userLocale: string | undefined, acceptLanguage: string | undefined): Locale {
  if (userLocale === 'de' || userLocale === 'en') return userLocale;
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'de';
}
