import { distance } from 'fastest-levenshtein';

/** ä → ae, ö → oe, ü → ue, ß → ss, other accents dropped, lower case ("Müller" = "Mueller"). */
export function foldGerman(s: string): string {
  return s
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** Legal forms spanning several words, matched on the folded name before it is split. */
const compoundLegalForms = [
  /\bgmbh\s*(?:&|\+|und)\s*co\.?\s*(?:kgaa|kg|ohg)\b/g,
  /\bag\s*(?:&|\+|und)\s*co\.?\s*(?:kgaa|kg|ohg)\b/g,
  /\bse\s*(?:&|\+|und)\s*co\.?\s*(?:kgaa|kg)\b/g,
  /\bug\s*\(\s*haftungsbeschraenkt\s*\)/g,
  /\bgesellschaft mit beschraenkter haftung\b/g,
  /\be\.\s*(?:k|kfm|kfr|kffr)\.?(?=\s|$)/g,
  /\be\.\s*v\.?(?=\s|$)/g,
  /\b(?:s\.a\.r\.l|s\.a|b\.v|n\.v|s\.p\.a|s\.r\.l|s\.r\.o|sp\. z o\.o)\.?(?=\s|$)/g,
  /\b(?:co\.?\s*)?ltd\.?(?=\s|$)/g,
  /\binc\.?(?=\s|$)/g,
];

/** Single-word legal forms dropped wherever they stand. */
const legalFormWords = new Set([
  'gmbh', 'mbh', 'ag', 'kg', 'kgaa', 'ohg', 'gbr', 'ug', 'se', 'ek', 'ekfm', 'ekfr', 'eg', 'ev', 'partg', 'partgmbb',
  'ltd', 'limited', 'inc', 'llc', 'llp', 'plc', 'corp', 'corporation', 'sarl', 'sas', 'sa', 'bv', 'nv', 'spa', 'srl', 'sro', 'ab', 'as', 'oy', 'aps', 'kft',
  'haftungsbeschraenkt',
]);

/**
 * The distinctive words of a company name: folded, without legal forms and punctuation, "&" and
 * "+" read as "und". "Müller Söhne GmbH & Co. KG" → ["mueller", "soehne"]. If nothing but legal
 * forms is left ("AG"), the folded words are kept so that no name becomes empty.
 */
export function nameTokens(name: string): string[] {
  let s = foldGerman(name);
  for (const re of compoundLegalForms) s = s.replace(re, ' ');
  s = s.replace(/[&+]/g, ' und ');
  const words = s.split(/[^a-z0-9]+/).filter((w) => w !== '');
  const kept = words.filter((w) => !legalFormWords.has(w));
  if (kept.length > 0) return kept;
  return foldGerman(name).split(/[^a-z0-9]+/).filter((w) => w !== '');
}

/** 1 − edit distance / longer length: 1 for equal words, 0 for nothing in common. */
export function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  return 1 - distance(a, b) / longer;
}

/**
 * How alike two names are, 0..1, symmetric: the larger of
 * - the mean over all words of both names of each word's best match in the other name, and
 * - the similarity of the names written together ("Werkzeugbau Schmidt" vs "Werkzeugbauschmidt").
 */
export function nameSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return a.length === b.length ? 1 : 0;
  const best = (w: string, other: readonly string[]) => Math.max(...other.map((o) => wordSimilarity(w, o)));
  const sumA = a.reduce((acc, w) => acc + best(w, b), 0);
  const sumB = b.reduce((acc, w) => acc + best(w, a), 0);
  // added as two sums so that swapping the names gives the same float
  const byWords = (sumA + sumB) / (a.length + b.length);
  const joined = wordSimilarity(a.join(''), b.join(''));
  return Math.max(byWords, joined);
}
