import { useSearchParams } from 'react-router';

/**
 * A list's search, filter, sort and page kept in the address, so a filtered list can be bookmarked
 * and comes back after "back". `update` sets or clears parameters; any change but the page itself
 * starts again at the first page.
 */
export function useListAddress() {
  const [search, setSearch] = useSearchParams();
  const update = (changes: Partial<Record<string, string>>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in changes)) next.delete('page');
    setSearch(next, { replace: true });
  };
  const page = Math.max(1, Number(search.get('page') ?? 1) || 1);
  return { search, page, update };
}
