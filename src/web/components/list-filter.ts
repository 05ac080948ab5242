import { containsFolded } from '../../kernel/search/fold';

/**
 * The items with a text containing the query (every word of it, in any of the texts); all of them
 * for an empty query. Case, accents and umlauts are folded as in the server's search: "Mueller"
 * and "muller" both find "Müller".
 */
export function filterList<T>(items: readonly T[], query: string, texts: (item: T) => readonly string[]): T[] {
  const words = query.split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...items];
  return items.filter((item) => {
    const haystack = texts(item);
    return words.every((w) => haystack.some((h) => containsFolded(h, w)));
  });
}
