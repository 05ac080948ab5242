import '../load-translations';
import { Alert, Badge, Button, Card, Group, List, Modal, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { get, post, put } from '../../../../web/api/client';
import { Loading } from '../../../../web/components/loading';
import { NumberField } from '../../../../web/components/number-field';
import { PageHeader } from '../../../../web/components/page-header';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { ScrollRegion } from '../../../../web/components/scroll-region';
import { useFormat } from '../../../../web/i18n/format';
import { useCompany } from '../../../../web/layout/app-layout';
import type { RetentionView } from '../../retention.service';
import { privacyKeys, privacyPath } from '../api';

type PeriodRuleView = Extract<RetentionView['rules'][number], { kind: 'period' }>;
const retentionKey = (companyId: string) => [...privacyKeys.all(companyId), 'retention'];
// the colours pass 4.5:1 against white text
const ACTION_COLOUR = { delete: '#c92a2a', anonymise: '#8a5a00' } as const;

export default function RetentionPage() {
  const { t } = useTranslation();
  const { localized } = useFormat();
  const company = useCompany();
  const queryClient = useQueryClient();
  const base = `${privacyPath(company.id)}/retention`;
  const view = useQuery({ queryKey: retentionKey(company.id), queryFn: () => get<RetentionView>(base) });
  const canManage = company.permissions.includes('privacy.manage');
  const [confirming, setConfirming] = useState(false);
  const run = useMutation({
    mutationFn: () => post<{ total: number }>(`${base}/runs`),
    onSuccess: () => {
      setConfirming(false);
      void queryClient.invalidateQueries({ queryKey: retentionKey(company.id) });
    },
  });
  if (view.error) return <ProblemAlert error={view.error} />;
  if (!view.data) return <Loading />;
  const v = view.data;
  const periodRules = v.rules.filter((r): r is PeriodRuleView => r.kind === 'period');
  const whileUsed = v.rules.filter((r) => r.kind === 'while-used');
  const dueTotal = periodRules.reduce((sum, r) => sum + r.due.count, 0);
  const setView = (next: RetentionView) => queryClient.setQueryData(retentionKey(company.id), next);
  return (
    <>
      <PageHeader title={t('privacy.retention.title')} intro={t('privacy.retention.intro')} />
      <Text size="sm" c="dimmed" mb="md">{t('privacy.retention.notLegalAdvice')}</Text>
      <EnforcementCard view={v} base={base} canManage={canManage} onChange={setView} />

      <Card withBorder padding="lg" mb="lg" component="section" aria-labelledby="retention-due" data-testid="retention-due">
        <Title order={2} size="h3" id="retention-due" mb="xs">{t('privacy.retention.dueTitle', { count: dueTotal })}</Title>
        <Text mb="sm">{dueTotal === 0 ? t('privacy.retention.nothingDue') : t('privacy.retention.dueIntro')}</Text>
        {canManage && (
          <Group><Button onClick={() => setConfirming(true)} disabled={dueTotal === 0} data-testid="retention-run">{t('privacy.retention.runNow')}</Button></Group>
        )}
        <ProblemAlert error={run.error} />
      </Card>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('privacy.retention.confirmTitle')}>
        <Text mb="sm">{t('privacy.retention.confirmText', { count: dueTotal })}</Text>
        <List spacing={4} mb="md">
          {periodRules.filter((r) => r.due.count > 0).map((r) => (
            <List.Item key={r.ruleKey}>{t(`privacy.retention.confirmLine.${r.action}`, { count: r.due.count, category: localized(r.category) })}</List.Item>
          ))}
        </List>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirming(false)}>{t('privacy.retention.cancel')}</Button>
          <Button color="red" onClick={() => run.mutate()} loading={run.isPending} data-testid="retention-run-confirm">{t('privacy.retention.runConfirm', { count: dueTotal })}</Button>
        </Group>
      </Modal>

      <Title order={2} size="h3" mb="sm">{t('privacy.retention.periodRules')}</Title>
      <Stack gap="md" mb="lg">
        {periodRules.map((r) => <PeriodRuleCard key={r.ruleKey} rule={r} base={base} canManage={canManage} onChange={setView} />)}
      </Stack>

      <Card withBorder padding="lg" mb="lg" component="section" aria-labelledby="retention-while-used">
        <Title order={2} size="h3" id="retention-while-used" mb="xs">{t('privacy.retention.whileUsedTitle')}</Title>
        <Text mb="sm">{t('privacy.retention.whileUsedIntro')}</Text>
        <List spacing="xs">
          {whileUsed.map((r) => r.kind === 'while-used' && (
            <List.Item key={`${r.moduleId}:${r.category.en}`}>
              <Text fw={600} span>{localized(r.category)}</Text> <Text span c="dimmed">({localized(r.moduleName)})</Text>: {localized(r.explanation)}
            </List.Item>
          ))}
        </List>
        <Text size="sm" mt="sm"><Link to="/app/privacy/record">{t('privacy.retention.toRecord')}</Link></Text>
      </Card>

      <RunLog view={v} />
    </>
  );
}

function EnforcementCard({ view, base, canManage, onChange }: { view: RetentionView; base: string; canManage: boolean; onChange: (v: RetentionView) => void }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const [pausing, setPausing] = useState(false);
  const [reason, setReason] = useState('');
  const change = useMutation({
    mutationFn: (body: { enforced: boolean; pauseReason?: string }) => put<RetentionView>(`${base}/enforcement`, body),
    onSuccess: (v) => {
      setPausing(false);
      setReason('');
      onChange(v);
    },
  });
  const lastJob = view.runs.find((r) => r.trigger === 'job');
  return (
    <Card withBorder padding="lg" mb="lg" component="section" aria-labelledby="retention-enforcement" data-testid="retention-enforcement">
      <Group justify="space-between" align="flex-start" mb="xs">
        <Title order={2} size="h3" id="retention-enforcement">{t('privacy.retention.enforcementTitle')}</Title>
        <Badge color={view.enforced ? '#237032' : '#a84300'} variant="filled">{view.enforced ? t('privacy.retention.on') : t('privacy.retention.paused')}</Badge>
      </Group>
      {view.enforced ? (
        <Text mb="sm">{lastJob ? t('privacy.retention.onText', { date: dateTime(lastJob.startedAt) }) : t('privacy.retention.onTextFirst')}</Text>
      ) : (
        <Alert color="#a84300" mb="sm" title={t('privacy.retention.pausedTitle')}>
          {view.pauseReason
            ? t('privacy.retention.pausedText', { reason: view.pauseReason, date: view.enforcementChangedAt ? dateTime(view.enforcementChangedAt) : '', person: view.enforcementChangedBy ?? t('privacy.retention.someone') })
            : t('privacy.retention.pausedUntilReviewed')}
        </Alert>
      )}
      {canManage && view.enforced && !pausing && <Group><Button variant="light" onClick={() => setPausing(true)}>{t('privacy.retention.pause')}</Button></Group>}
      {canManage && pausing && (
        <Stack gap="xs" maw={560}>
          <Textarea label={t('privacy.retention.pauseReason')} description={t('privacy.retention.pauseReasonHelp')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} />
          <Group>
            <Button onClick={() => change.mutate({ enforced: false, pauseReason: reason })} loading={change.isPending}>{t('privacy.retention.pauseConfirm')}</Button>
            <Button variant="default" onClick={() => setPausing(false)}>{t('privacy.retention.cancel')}</Button>
          </Group>
        </Stack>
      )}
      {canManage && !view.enforced && (
        <Group><Button onClick={() => change.mutate({ enforced: true })} loading={change.isPending} data-testid="retention-enforce">{t('privacy.retention.switchOn')}</Button></Group>
      )}
      <ProblemAlert error={change.error} />
    </Card>
  );
}

function PeriodRuleCard({ rule, base, canManage, onChange }: { rule: PeriodRuleView; base: string; canManage: boolean; onChange: (v: RetentionView) => void }) {
  const { t } = useTranslation();
  const { date, localized } = useFormat();
  const [months, setMonths] = useState<number | null>(rule.months);
  const save = useMutation({ mutationFn: () => put<RetentionView>(`${base}/rules/${rule.ruleKey}`, { months }), onSuccess: onChange });
  const headingId = `rule-${rule.ruleKey.replace('.', '-')}`;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId} data-testid="retention-rule">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <div>
          <Title order={3} size="h4" id={headingId}>{localized(rule.category)}</Title>
          <Text size="sm" c="dimmed">{localized(rule.moduleName)}</Text>
        </div>
        <Badge color={ACTION_COLOUR[rule.action]} variant="filled">{t(`privacy.retention.action.${rule.action}`)}</Badge>
      </Group>
      <Text mt="xs">{t(`privacy.retention.ruleText.${rule.action}`, { count: rule.months, from: localized(rule.from) })}</Text>
      {rule.keeps && <Text size="sm" c="dimmed">{localized(rule.keeps)}</Text>}
      {rule.minMonths !== null && <Text size="sm">{t('privacy.retention.minimum', { count: rule.minMonths, reason: rule.minReason ? localized(rule.minReason) : '' })}</Text>}
      {canManage && (
        <Group align="flex-end" mt="sm" gap="xs">
          <NumberField label={t('privacy.retention.months')} value={months} onValue={setMonths} rules={{ integer: true, min: Math.max(1, rule.minMonths ?? 1), max: 600 }} w={160} error={null} />
          <Button variant="light" onClick={() => save.mutate()} loading={save.isPending} disabled={months === rule.months || months === null}>{t('privacy.retention.savePeriod')}</Button>
          {rule.months !== rule.defaultMonths && <Text size="sm" c="dimmed">{t('privacy.retention.default', { count: rule.defaultMonths })}</Text>}
        </Group>
      )}
      <ProblemAlert error={save.error} />
      <Text mt="sm" fw={600} data-testid="retention-rule-due">
        {rule.due.count === 0 ? t('privacy.retention.ruleNothingDue', { date: date(rule.cutoff) }) : t(`privacy.retention.ruleDue.${rule.action}`, { count: rule.due.count, date: date(rule.cutoff) })}
      </Text>
      {rule.due.sample.length > 0 && (
        <List size="sm" spacing={2} mt={4}>
          {rule.due.sample.map((s, i) => <List.Item key={i}>{date(s.at)} – {localized(s.what)}</List.Item>)}
          {rule.due.count > rule.due.sample.length && <List.Item>{t('privacy.retention.andMore', { count: rule.due.count - rule.due.sample.length })}</List.Item>}
        </List>
      )}
    </Card>
  );
}

function RunLog({ view }: { view: RetentionView }) {
  const { t } = useTranslation();
  const { dateTime, localized } = useFormat();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="retention-log" data-testid="retention-log">
      <Title order={2} size="h3" id="retention-log" mb="xs">{t('privacy.retention.logTitle')}</Title>
      {view.runs.length === 0 ? (
        <Text>{t('privacy.retention.logEmpty')}</Text>
      ) : (
        <ScrollRegion label={t('privacy.retention.logTitle')} minWidth={560}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('privacy.retention.logWhen')}</Table.Th>
                <Table.Th>{t('privacy.retention.logBy')}</Table.Th>
                <Table.Th>{t('privacy.retention.logWhat')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.runs.map((run) => (
                <Table.Tr key={run.id}>
                  <Table.Td>{dateTime(run.startedAt)}</Table.Td>
                  <Table.Td>{run.trigger === 'job' ? t('privacy.retention.byJob') : (run.by ?? t('privacy.retention.someone'))}</Table.Td>
                  <Table.Td>
                    {run.total === 0 ? t('privacy.retention.logNothing') : (
                      <List size="sm" spacing={2}>
                        {run.results.filter((r) => r.count > 0).map((r) => (
                          <List.Item key={`${r.moduleId}.${r.ruleKey}`}>{t(`privacy.retention.confirmLine.${r.action}`, { count: r.count, category: localized(r.category) })}</List.Item>
                        ))}
                      </List>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
    </Card>
  );
}
