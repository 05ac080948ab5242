import { Button, Group, Select, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useListAddress } from './list-address';
import { filterList } from './list-filter';
import { ListPagination } from './list-pagination';

const PAGE_SIZE = 25;

export interface ClientListOptions<T> {
  /** The texts an item is found by. */
  texts: (item: T) => readonly string[];
  /** Sort orders by name, the first being the default. */
  sorts: Record<string, { label: string; compare: (a: T, b: T) => number }>;
  /** Records per page; 25 unless a list of large cards wants fewer. */
  pageSize?: number;
}

/**
 * Search, sort and paging for a list the browser holds whole (master data of tens to hundreds of
 * records), kept in the address like the server-side lists, so a filtered list can be bookmarked
 * and comes back after "back".
 */
export function useClientList<T>(items: readonly T[], options: ClientListOptions<T>) {
  const { t } = useTranslation();
  const { search, page: asked, update } = useListAddress();
  const sortNames = Object.keys(options.sorts);
  const q = search.get('q') ?? '';
  const sort = sortNames.includes(search.get('sort') ?? '') ? search.get('sort')! : sortNames[0]!;
  const found = filterList(items, q, options.texts).sort(options.sorts[sort]!.compare);
  const size = options.pageSize ?? PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(found.length / size));
  const page = Math.min(pages, asked);
  const noMatch = items.length > 0 && found.length === 0 ? t('common.list.noMatch', { q }) : null;
  return {
    q,
    shown: found.slice((page - 1) * size, page * size),
    total: found.length,
    /** Said when the search finds nothing although the list has records. */
    noMatch,
    /** The same in a notice that offers to clear the search. */
    noMatchNotice: noMatch && (
      <Group data-testid="list-no-match" gap="sm" my="sm" role="status">
        <Text>{noMatch}</Text>
        <Button variant="light" size="sm" onClick={() => update({ q: '' })}>{t('common.list.clearSearch')}</Button>
      </Group>
    ),
    controls: (
      <Group align="flex-end" gap="md" mb="md" wrap="wrap" component="form" role="search" onSubmit={(e) => e.preventDefault()}>
        <TextInput type="search" size="md" label={t('common.list.search')} value={q} onChange={(e) => update({ q: e.currentTarget.value })} style={{ flex: '1 1 16rem' }} />
        {sortNames.length > 1 && (
          <Select size="md" label={t('common.list.sort')} value={sort} allowDeselect={false} w={{ base: '100%', xs: 260 }}
            data={sortNames.map((s) => ({ value: s, label: options.sorts[s]!.label }))} onChange={(v) => v && update({ sort: v })} />
        )}
      </Group>
    ),
    pagination: <ListPagination page={page} pageSize={size} total={found.length} onChange={(p) => update({ page: String(p) })} />,
  };
}
