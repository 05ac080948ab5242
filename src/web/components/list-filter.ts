/** Folds text for searching: case, accents and ß do not matter ("Müller" is found by "muller" and "MÜLLER"). */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss').toLowerCase();
}

/** The items with a text containing the query (every word of it, in any of the texts); all of them for an empty query. */
export function filterList<T>(items: readonly T[], query: string, texts: (item: T) => readonly string[]): T[] {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...items];
  return items.filter((item) => {
    const haystack = texts(item).map(foldText);
    return words.every((w) => haystack.some((h) => h.includes(w)));
  });
}
