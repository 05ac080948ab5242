import { Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../api/client';
import { useFormat } from '../i18n/format';
import { ProblemAlert } from './problem-alert';

interface HistoryEntry { id: string; at: string; text: string; actor: { id: string; name: string | null } | null }
const PAGE = 20;

/**
 * A record's history on its detail page: the audit entries about it as sentences in the reader's
 * language, with who and when, newest first. `path` is the module's `…/:id/history` route.
 */
export function RecordHistory({ path, queryKey }: { path: string; queryKey: readonly unknown[] }) {
  const { t, i18n } = useTranslation();
  const { dateTime } = useFormat();
  const headingId = useId();
  const lang = i18n.language === 'en' ? 'en' : 'de';
  const history = useInfiniteQuery({
    queryKey: [...queryKey, 'history', lang],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => get<HistoryEntry[]>(`${path}?limit=${PAGE}&lang=${lang}${pageParam ? `&before=${pageParam}` : ''}`),
    getNextPageParam: (last) => (last.length === PAGE ? last[last.length - 1].id : undefined),
  });
  const entries = history.data?.pages.flat() ?? [];
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId} data-testid="record-history">
      <Title order={2} size="h4" id={headingId} mb={4}>{t('history.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('history.intro')}</Text>
      <ProblemAlert error={history.error} />
      {history.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
      {history.data && entries.length === 0 && <Text size="sm">{t('history.empty')}</Text>}
      {entries.length > 0 && (
        <Stack component="ol" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
          {entries.map((e) => (
            <li key={e.id} data-history-entry>
              <Text>{e.text}</Text>
              <Text size="sm" c="dimmed">{t('history.by', { name: e.actor?.name ?? t('history.noActor'), time: dateTime(e.at) })}</Text>
            </li>
          ))}
        </Stack>
      )}
      {history.hasNextPage && (
        <Group mt="sm">
          <Button variant="default" onClick={() => history.fetchNextPage()} loading={history.isFetchingNextPage}>{t('history.more')}</Button>
        </Group>
      )}
    </Card>
  );
}
