import { foldPlain, foldSpelledOut } from './fold.js';

function classIn(t: string, q: string): number {
  if (q === '') return 4;
  if (t === q) return 0;
  if (t.startsWith(q)) return 1;
  for (let i = t.indexOf(q); i >= 0; i = t.indexOf(q, i + 1)) {
    if (i === 0 || /[\s\-_./,;:()]/.test(t[i - 1])) return 2;
  }
  if (!t.includes(q)) return 4;
  return 3;
}

/**
 * How well a text matches what was typed: 0 equal, 1 starts with it, 2 a word starts with it,
 * 3 contains it, 4 not at all — in the better of the two folded forms the database search uses.
 */
export function matchClass(text: string, query: string): number {
  const q = query.trim();
  return Math.min(classIn(foldSpelledOut(text), foldSpelledOut(q)), classIn(foldPlain(text), foldPlain(q)));
}

export interface RankableHit {
  kind: string;
  title: string;
  matched: string[];
}

/**
 * Orders hits best first: by the best match over their matched texts (equal, prefix, word start,
 * contains), then by the order of their kinds, then by title in the reader's language.
 */
export function rankHits<T extends RankableHit>(hits: readonly T[], query: string, kindOrder: readonly string[], locale: string): T[] {
  const kindIndex = new Map(kindOrder.map((k, i) => [k, i]));
  const scored = hits.map((hit) => ({ hit, score: Math.min(4, ...hit.matched.map((m) => matchClass(m, query))) }));
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  scored.sort((a, b) => a.score - b.score || (kindIndex.get(a.hit.kind) ?? 99) - (kindIndex.get(b.hit.kind) ?? 99) || collator.compare(a.hit.title, b.hit.title));
  return scored.map((s) => s.hit);
}
