import '../load-translations';
import { Alert, Anchor, Badge, Button, Card, Group, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError, post } from '../../../../web/api/client';
import { Loading } from '../../../../web/components/loading';
import { PageHeader } from '../../../../web/components/page-header';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { ScrollRegion } from '../../../../web/components/scroll-region';
import { useCompany } from '../../../../web/layout/app-layout';
import { REQUEST_KINDS, type RequestKind } from '../../domain/subject-request';
import type { SubjectRequest } from '../../subject-requests.schemas';
import { requestKeys, requestsPath, useRequests } from '../requests-api';
import { RequestDeadline, useDay } from '../components/request-deadline';

// dark enough for white text (contrast at least 4.5:1)
const STATE_COLOR = { open: '#495057', extended: '#8a5a00', done: '#237032', refused: '#c92a2a' } as const;
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

function NewRequest({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<RequestKind>('access');
  const [requesterName, setName] = useState('');
  const [requesterReach, setReach] = useState('');
  const [receivedOn, setReceivedOn] = useState(today);
  const [notes, setNotes] = useState('');
  const create = useMutation({
    mutationFn: () => post<SubjectRequest>(requestsPath(companyId), { kind, requesterName, requesterReach, receivedOn, notes }),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: requestKeys.list(companyId) });
      navigate(`/c/${companyId}/privacy/requests/${created.id}`);
    },
  });
  const fieldError = (key: string) => (create.error instanceof ApiError && create.error.errors.some((e) => e.path === `body.${key}`) ? create.error.title : undefined);
  return (
    <Card withBorder padding="lg" mb="lg" component="section" aria-labelledby="new-request-title">
      <Title order={2} size="h3" id="new-request-title" mb="sm">{t('privacy.requests.new')}</Title>
      <form onSubmit={(e) => { e.preventDefault(); create.mutate(); }}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NativeSelect label={t('privacy.requests.form.kind')} value={kind} onChange={(e) => setKind(e.currentTarget.value as RequestKind)} data={REQUEST_KINDS.map((k) => ({ value: k, label: t(`privacy.requests.kind.${k}`) }))} data-testid="request-kind" />
          <TextInput type="date" label={t('privacy.requests.form.receivedOn')} description={t('privacy.requests.form.receivedOnHelp')} value={receivedOn} onChange={(e) => setReceivedOn(e.currentTarget.value)} required error={fieldError('receivedOn')} data-testid="request-received" />
          <TextInput label={t('privacy.requests.form.requesterName')} value={requesterName} onChange={(e) => setName(e.currentTarget.value)} required error={fieldError('requesterName')} data-testid="request-name" />
          <TextInput label={t('privacy.requests.form.requesterReach')} description={t('privacy.requests.form.requesterReachHelp')} value={requesterReach} onChange={(e) => setReach(e.currentTarget.value)} error={fieldError('requesterReach')} data-testid="request-reach" />
        </SimpleGrid>
        <Textarea mt="md" label={t('privacy.requests.form.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={2} />
        <Group mt="md"><Button type="submit" loading={create.isPending} data-testid="request-create">{t('privacy.requests.create')}</Button></Group>
        <ProblemAlert error={create.error} />
      </form>
    </Card>
  );
}

export default function RequestsPage() {
  const { t } = useTranslation();
  const day = useDay();
  const company = useCompany();
  const requests = useRequests(company.id);
  const canManage = company.permissions.includes('privacy.manage');
  if (requests.error) return <ProblemAlert error={requests.error} />;
  if (!requests.data) return <Loading />;
  return (
    <>
      <PageHeader title={t('privacy.requests.title')} intro={t('privacy.requests.intro')} />
      {canManage && <NewRequest companyId={company.id} />}
      {requests.data.length === 0 ? (
        <Alert data-testid="requests-empty" title={t('privacy.requests.none')}>{t('privacy.requests.noneHint')}</Alert>
      ) : (
        <ScrollRegion label={t('privacy.requests.title')} minWidth={640}>
          <Table striped highlightOnHover data-testid="requests">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('privacy.requests.columns.requester')}</Table.Th>
                <Table.Th>{t('privacy.requests.columns.kind')}</Table.Th>
                <Table.Th>{t('privacy.requests.columns.receivedOn')}</Table.Th>
                <Table.Th>{t('privacy.requests.columns.deadline')}</Table.Th>
                <Table.Th>{t('privacy.requests.columns.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {requests.data.map((r) => (
                <Table.Tr key={r.id} data-request={r.requesterName}>
                  <Table.Td><Anchor component={Link} to={`/c/${company.id}/privacy/requests/${r.id}`} fw={600}>{r.requesterName}</Anchor></Table.Td>
                  <Table.Td>{t(`privacy.requests.kind.${r.kind}`)}</Table.Td>
                  <Table.Td>{day(r.receivedOn)}</Table.Td>
                  <Table.Td><RequestDeadline clock={r.clock} /></Table.Td>
                  <Table.Td><Badge color={STATE_COLOR[r.state]} variant="filled" tt="none" data-testid="request-state">{t(`privacy.requests.state.${r.state}`)}</Badge></Table.Td>
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
