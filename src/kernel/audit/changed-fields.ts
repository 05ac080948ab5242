import type { Localized } from '../modules/module-manifest.js';
import type { Locale } from '../i18n/server-messages.js';

/** The same value, whatever the order of object keys (a jsonb column gives them back reordered). */
export function sameValue(a: unknown, b: unknown): boolean {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canonical)
      : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).sort(([x], [y]) => x.localeCompare(y)).map(([k, x]) => [k, canonical(x)]))
        : v ?? null;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/**
 * What an update changed, named in both languages for the audit entry's `changes` detail (its
 * sentence then ends with "Betroffen: Bezeichnung, Arbeitsplan."); none when nothing changed.
 */
export function changedFields(names: readonly string[], label: (locale: Locale, name: string) => string): Localized | undefined {
  if (names.length === 0) return undefined;
  return { de: names.map((n) => label('de', n)).join(', '), en: names.map((n) => label('en', n)).join(', ') };
}
