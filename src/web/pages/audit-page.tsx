import { Button, Paper, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get } from '../api/client';
import { Loading } from '../components/loading';
import { PageHeader } from '../components/page-header';
import { useFormat } from '../i18n/format';
import { useCompany } from '../layout/app-layout';

interface AuditRow { id: string; at: string; text: string; actor: { id: string; name: string } | null }
const PAGE = 50;

export default function AuditPage() {
  const { t, i18n } = useTranslation();
  const { dateTime } = useFormat();
  const company = useCompany();
  const audit = useInfiniteQuery({
    queryKey: ['audit', company.id, i18n.language],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => get<AuditRow[]>(`/companies/${company.id}/audit?limit=${PAGE}&lang=${i18n.language === 'en' ? 'en' : 'de'}${pageParam ? `&before=${pageParam}` : ''}`),
    getNextPageParam: (last) => (last.length === PAGE ? last[last.length - 1].id : undefined),
  });
  if (!audit.data) return <Loading />;
  const rows = audit.data.pages.flat();
  return (
    <>
      <PageHeader title={t('audit.title')} intro={t('audit.intro', { company: company.name })} />
      <Paper withBorder>
        <Table.ScrollContainer minWidth={600}>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audit.time')}</Table.Th>
                <Table.Th>{t('audit.actor')}</Table.Th>
                <Table.Th>{t('audit.action')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{dateTime(r.at)}</Table.Td>
                  <Table.Td>{r.actor?.name ?? '—'}</Table.Td>
                  <Table.Td>{r.text}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {rows.length === 0 && <Text p="md" c="dimmed">{t('audit.empty')}</Text>}
      </Paper>
      {audit.hasNextPage && <Button mt="md" variant="default" onClick={() => audit.fetchNextPage()} loading={audit.isFetchingNextPage}>{t('audit.more')}</Button>}
    </>
  );
}
