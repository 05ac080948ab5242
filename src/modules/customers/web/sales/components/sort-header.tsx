import { Anchor, Table } from '@mantine/core';

/** A column header that sorts the list by it (again: the other way round), announced with aria-sort. */
export function SortHeader({ label, active, dir, onSort, align }: { label: string; active: boolean; dir: 'asc' | 'desc'; onSort: (dir: 'asc' | 'desc') => void; align?: 'right' }) {
  return (
    <Table.Th scope="col" ta={align} aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <Anchor component="button" type="button" onClick={() => onSort(active && dir === 'desc' ? 'asc' : 'desc')}>
        {label}{active ? (dir === 'asc' ? ' ▲' : ' ▼') : ''}
      </Anchor>
    </Table.Th>
  );
}
