/**
 * What must never reach a reader: raw ids and the internal names of things. Text is checked after
 * URLs and e-mail addresses are taken out (they may legitimately hold such shapes).
 */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** A dotted key such as `roadmap.scheduled`, `invest.evaluation_created` or `shopfloor.orders.title`. */
const DOTTED_KEY = /\b[a-z][a-zA-Z]*(?:\.[a-z][a-zA-Z0-9_]*)+\b/g;
/** A kebab-case id of three or more parts, such as the catalogue's `tablets-shop-floor`. */
const KEBAB_ID = /(?<![\w-])[a-z][a-z0-9]*(?:-[a-z0-9]+){2,}(?![\w-])/g;

const LINKING_WORDS = new Set(['to', 'of', 'the', 'by', 'and', 'a', 'in', 'on', 'per', 'for', 'zu', 'und']);

export function internalNames(text: string): string[] {
  const clean = text.replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/g, ' ').replace(/\S+@\S+/g, ' ');
  const found: string[] = [];
  const uuid = clean.match(UUID);
  if (uuid) found.push(uuid[0]);
  for (const m of clean.matchAll(DOTTED_KEY)) {
    const parts = m[0].split('.');
    // abbreviations such as e.g. or i.e. are words
    if (parts.some((p) => p.length < 2)) continue;
    // a host name like hooks.example is not a key; a key has a second-level part with an upper-case letter or underscore, or three parts
    if (parts.length >= 3 || parts.slice(1).some((p) => /[A-Z_]/.test(p))) found.push(m[0]);
    else if (['example', 'de', 'com', 'org', 'local', 'pdf', 'csv', 'xlsx', 'ics', 'json', 'png'].includes(parts[1]!)) continue;
    else found.push(m[0]);
  }
  for (const m of clean.matchAll(KEBAB_ID)) {
    // hyphenated phrases such as up-to-date or end-to-end are words
    if (m[0].split('-').some((p) => LINKING_WORDS.has(p))) continue;
    found.push(m[0]);
  }
  return found;
}
