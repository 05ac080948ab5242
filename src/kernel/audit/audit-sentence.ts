import type { Localized } from '../modules/module-manifest.js';
import { type Locale, hasMessage, pluralKey, translate } from '../i18n/server-messages.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AuditSentenceInput {
  action: string;
  target: string | null;
  details: unknown;
}

/**
 * An audit entry as a sentence in the reader's language: `audit.<action>` of the server messages
 * (each module keeps its own in `server-i18n/`), filled with the entry's details. Roles and modules
 * are named, lists counted, numbers formatted; an id is never put into a sentence. An action without
 * a sentence (e.g. of a module no longer installed) reads as a change in its area. A sentence with
 * plural forms (`_one`, `_other`) takes the one for the detail `count`, or else for the length of
 * the entry's only list.
 */
export function auditSentence(locale: Locale, entry: AuditSentenceInput, moduleName: (id: string) => Localized | undefined): string {
  const key = `audit.${entry.action}`;
  if (!hasMessage(locale, key)) {
    const area = moduleName(entry.action.split('.')[0] ?? '');
    return area ? translate(locale, 'audit.unknownIn', { area: area[locale] }) : translate(locale, 'audit.unknown');
  }
  const number = new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB');
  const params: Record<string, string> = {};
  const details = entry.details && typeof entry.details === 'object' ? (entry.details as Record<string, unknown>) : {};
  for (const [name, value] of Object.entries(details)) {
    if (typeof value === 'number') params[name] = number.format(value);
    else if (typeof value === 'string' && !UUID.test(value)) params[name] = value;
    else if (Array.isArray(value)) params[`${name}Count`] = number.format(value.length);
    else if (isLocalized(value)) params[name] = value[locale];
  }
  if (entry.target && !UUID.test(entry.target)) params.target = entry.target;
  for (const name of ['role', 'from', 'to']) {
    if (params[name] && hasMessage(locale, `roles.${params[name]}`)) params[name] = translate(locale, `roles.${params[name]}`);
  }
  if (entry.action.startsWith('module.') && entry.target) params.module = moduleName(entry.target)?.[locale] ?? entry.target;
  // numbers are formatted above, so the plural form is picked from the raw details
  const count = pluralCount(details);
  const sentence = translate(locale, count === undefined ? key : pluralKey(locale, key, count), params, '–');
  // an update names what it changed (`changes`, see changed-fields.ts)
  return isLocalized(details.changes) ? `${sentence} ${translate(locale, 'audit.changedFields', { fields: details.changes[locale] })}` : sentence;
}

function pluralCount(details: Record<string, unknown>): number | undefined {
  if (typeof details.count === 'number') return details.count;
  const lists = Object.values(details).filter(Array.isArray);
  return lists.length === 1 ? lists[0]!.length : undefined;
}

const isLocalized = (value: unknown): value is Localized =>
  typeof value === 'object' && value !== null && typeof (value as Localized).de === 'string' && typeof (value as Localized).en === 'string';
