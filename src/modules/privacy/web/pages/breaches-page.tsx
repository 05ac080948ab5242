import '../load-translations';
import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading } from '../../../../web/components/loading';
import { PageHeader } from '../../../../web/components/page-header';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { ScrollRegion } from '../../../../web/components/scroll-region';
import { useFormat } from '../../../../web/i18n/format';
import { useCompany } from '../../../../web/layout/app-layout';
import { useBreaches } from '../api';
import { BreachClock } from '../components/breach-clock';

export default function BreachesPage() {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const company = useCompany();
  const breaches = useBreaches(company.id);
  const canManage = company.permissions.includes('privacy.manage');
  if (breaches.error) return <ProblemAlert error={breaches.error} />;
  if (!breaches.data) return <Loading />;
  const fetchedAt = breaches.dataUpdatedAt;
  return (
    <>
      <PageHeader title={t('privacy.title')} intro={t('privacy.intro')}>
        {canManage && <Group mt="sm"><Button component={Link} to={`/c/${company.id}/privacy/breaches/new`} size="md">{t('privacy.recordBreach')}</Button></Group>}
      </PageHeader>
      {breaches.data.length === 0 ? (
        <Alert data-testid="breaches-empty" title={t('privacy.none')}>{t('privacy.noneHint')}</Alert>
      ) : (
        <ScrollRegion label={t('privacy.title')} minWidth={640}>
          <Table striped highlightOnHover data-testid="breaches">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('privacy.columns.title')}</Table.Th>
                <Table.Th>{t('privacy.columns.becameKnownAt')}</Table.Th>
                <Table.Th>{t('privacy.columns.clock')}</Table.Th>
                <Table.Th>{t('privacy.columns.duties')}</Table.Th>
                <Table.Th>{t('privacy.columns.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {breaches.data.map((b) => (
                <Table.Tr key={b.id} data-breach={b.title}>
                  <Table.Td><Anchor component={Link} to={`/c/${company.id}/privacy/breaches/${b.id}`} fw={600}>{b.title}</Anchor></Table.Td>
                  <Table.Td>{dateTime(b.becameKnownAt)}</Table.Td>
                  <Table.Td>{b.closedAt === null ? <BreachClock clock={b.clock} fetchedAt={fetchedAt} /> : <Text size="sm">{t(`privacy.clock.${b.clock.state}`)}</Text>}</Table.Td>
                  <Table.Td>{b.openDuties.length === 0 ? t('privacy.noDuties') : t('privacy.dutiesCount', { count: b.openDuties.length })}</Table.Td>
                  <Table.Td><Badge color={b.closedAt ? 'gray.7' : 'blue.8'} variant="light" tt="none">{t(`privacy.state.${b.closedAt ? 'closed' : 'open'}`)}</Badge></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
      <Stack mt="lg"><Text size="sm" c="dimmed" maw={760}>{t('privacy.notLegalAdvice')}</Text></Stack>
    </>
  );
}
