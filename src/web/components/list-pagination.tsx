import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';

/** Pages of a server-side list: which records are shown of how many, and the page buttons (only when there is more than one page). */
export function ListPagination({ page, pageSize, total, onChange }: { page: number; pageSize: number; total: number; onChange: (page: number) => void }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const from = (page - 1) * pageSize + 1;
  return (
    <Group justify="space-between" mt="md" gap="sm">
      <Text size="sm" c="dimmed">{t('common.pagination.range', { from: number(from), to: number(Math.min(total, page * pageSize)), total: number(total) })}</Text>
      <Pagination
        total={pages}
        value={Math.min(page, pages)}
        onChange={onChange}
        getControlProps={(control) => ({ 'aria-label': t(`common.pagination.${control}`) })}
        getItemProps={(p) => ({ 'aria-label': t('common.pagination.page', { page: p }) })}
      />
    </Group>
  );
}
