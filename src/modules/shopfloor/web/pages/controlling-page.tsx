import '../load-translations';
import '../controlling/load-translations';
import { ActionIcon, Anchor, Button, Card, Group, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading } from '../../../../web/components/loading';
import { PageHeader } from '../../../../web/components/page-header';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { useFormat } from '../../../../web/i18n/format';
import { useCompany } from '../../../../web/layout/app-layout';
import { shopfloorPath, useWorkCentres } from '../api';
import { type DrillDownTarget, type Grouping, type KpiRow, useControlling } from '../controlling/api';
import { Definitions } from '../controlling/definitions';
import { DrillDown } from '../controlling/drill-down';
import { KpiChart } from '../controlling/kpi-chart';
import { KpiTable } from '../controlling/kpi-table';
import { type Period, type PeriodKind, isIsoDate, monthOf, monthWithin, periodAround, periodOnKindChange, shiftPeriod } from '../controlling/period';
import { SummaryCards } from '../controlling/summary-cards';

const today = () => new Date().toLocaleDateString('sv-SE');

/** Production controlling: OEE and KPIs per work centre, shift, day or month, with drill-down to the bookings. */
export default function ControllingPage() {
  const { t, i18n } = useTranslation();
  const { locale } = useFormat();
  const company = useCompany();
  const [kind, setKind] = useState<PeriodKind>('month');
  const [period, setPeriod] = useState<Period>(() => periodAround('month', today()));
  const [custom, setCustom] = useState<Period>(() => periodAround('month', today()));
  const [grouping, setGrouping] = useState<Grouping>('workCentre');
  const [workCentreId, setWorkCentreId] = useState<string | null>(null);
  const [target, setTarget] = useState<DrillDownTarget | null>(null);
  const centres = useWorkCentres(company.id);
  const customValid = isIsoDate(custom.from) && isIsoDate(custom.to) && custom.from <= custom.to;
  const shown = kind === 'custom' ? (customValid ? custom : period) : period;
  const data = useControlling(company.id, shown, grouping, grouping === 'workCentre' ? null : workCentreId);

  const lang = i18n.language === 'en' ? 'en' : 'de';
  const dateText = (iso: string, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));
  const rangeText = shown.from === shown.to
    ? dateText(shown.from, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
    : t('shopfloorControlling.period.range', { from: dateText(shown.from, { dateStyle: 'medium' }), to: dateText(shown.to, { dateStyle: 'medium' }) });
  const month = monthOf(shown);
  const monthLabel = dateText(`${month}-01`, { month: 'long', year: 'numeric' });
  const reportBase = `/api/v1${shopfloorPath(company.id)}/reports/monthly`;
  const centreName = new Map((centres.data ?? []).map((c) => [c.id, `${c.code} – ${c.name}`]));

  // A running period is measured up to now; the page says so (planned time still ahead does not count).
  const measured = data.data?.measured;
  const measuredNote = !measured?.running
    ? null
    : Date.parse(measured.measuredUntil) <= Date.parse(measured.start)
      ? t('shopfloorControlling.period.notStarted')
      : t(`shopfloorControlling.period.running.${kind}`, {
        until: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: measured.timeZone }).format(new Date(measured.measuredUntil)),
      });

  const choosePeriodKind = (value: string) => {
    const next = value as PeriodKind;
    setKind(next);
    if (next === 'custom') setCustom(period);
    else setPeriod(periodOnKindChange(next, kind === 'custom' ? (customValid ? custom : period) : period, today()));
  };

  let rows: KpiRow[] = [];
  let labels: string[] = [];
  let targets: DrillDownTarget[] = [];
  if (data.data) {
    const answer = data.data;
    const shown = answer.period;
    const workCentreId = answer.workCentreId;
    if (answer.grouping === 'workCentre') {
      rows = answer.workCentres;
      labels = rows.map((r) => centreName.get(r.workCentreId ?? '') ?? r.workCentreCode ?? '');
      targets = rows.map((r, i) => ({ label: `${labels[i]} · ${rangeText}`, period: shown, workCentreId: r.workCentreId }));
    } else {
      rows = answer.overall;
      const scope = workCentreId ? ` · ${centreName.get(workCentreId) ?? ''}` : '';
      if (answer.grouping === 'shift') {
        labels = rows.map((r) => r.shift ?? t('shopfloorControlling.outsideShifts'));
        targets = rows.map((r, i) => ({ label: `${labels[i]} · ${rangeText}${scope}`, period: shown, workCentreId, shift: r.shift ?? null }));
      } else if (answer.grouping === 'day') {
        labels = rows.map((r) => dateText(r.day as string, { weekday: 'short', day: '2-digit', month: '2-digit' }));
        targets = rows.map((r, i) => ({ label: `${labels[i]}${scope}`, period: { from: r.day as string, to: r.day as string }, workCentreId }));
      } else {
        labels = rows.map((r) => dateText(`${r.month}-01`, { month: 'long', year: 'numeric' }));
        targets = rows.map((r, i) => ({ label: `${labels[i]}${scope}`, period: monthWithin(r.month as string, shown), workCentreId }));
      }
    }
  }
  const select = (i: number) => {
    if (targets[i]) setTarget(targets[i]);
  };

  return (
    <>
      <PageHeader title={t('shopfloorControlling.title')} intro={t('shopfloorControlling.intro')}>
        <Group mt="xs" gap="md">
          <Anchor component={Link} to={`/c/${company.id}/shopfloor`}>{t('shopfloorControlling.backToOrders')}</Anchor>
          <Button component="a" variant="light" href={`${reportBase}.pdf?month=${month}&lang=${lang}`} download data-testid="report-pdf">
            {t('shopfloorControlling.report.pdf', { month: monthLabel })}
          </Button>
          <Button component="a" variant="default" href={`${reportBase}.csv?month=${month}&lang=${lang}`} download data-testid="report-csv">
            {t('shopfloorControlling.report.csv', { month: monthLabel })}
          </Button>
          <Button component="a" variant="default" href={`${reportBase}.xlsx?month=${month}&lang=${lang}`} download data-testid="report-xlsx">
            {t('shopfloorControlling.report.xlsx', { month: monthLabel })}
          </Button>
        </Group>
      </PageHeader>

      <Card withBorder padding="md" mb="lg">
        <Stack gap="sm">
          <Group gap="lg" align="flex-end" wrap="wrap">
            <Stack gap={4}>
              <Text size="sm" fw={500} id="period-kind-label">{t('shopfloorControlling.period.label')}</Text>
              <SegmentedControl
                aria-labelledby="period-kind-label"
                value={kind}
                onChange={choosePeriodKind}
                data={(['day', 'week', 'month', 'custom'] as const).map((k) => ({ value: k, label: t(`shopfloorControlling.period.${k}`) }))}
              />
            </Stack>
            {kind === 'custom' ? (
              <Group gap="sm" align="flex-end">
                <TextInput type="date" label={t('shopfloorControlling.period.from')} value={custom.from} onChange={(e) => setCustom({ ...custom, from: e.currentTarget.value })} error={!customValid} />
                <TextInput type="date" label={t('shopfloorControlling.period.to')} value={custom.to} onChange={(e) => setCustom({ ...custom, to: e.currentTarget.value })} error={!customValid} />
              </Group>
            ) : (
              <Group gap="xs" wrap="nowrap">
                <ActionIcon variant="default" size="xl" aria-label={t('shopfloorControlling.period.previous')} onClick={() => setPeriod(shiftPeriod(kind, period, -1))}>‹</ActionIcon>
                <Text fw={600} miw={200} ta="center" data-testid="period-range" aria-live="polite">{rangeText}</Text>
                <ActionIcon variant="default" size="xl" aria-label={t('shopfloorControlling.period.next')} onClick={() => setPeriod(shiftPeriod(kind, period, 1))}>›</ActionIcon>
              </Group>
            )}
          </Group>
          {kind === 'custom' && !customValid && <Text c="red.9" size="sm" role="alert">{t('shopfloorControlling.period.invalid')}</Text>}
          {measuredNote && <Text size="sm" c="grape.9" fw={500} data-testid="period-running">{measuredNote}</Text>}
          <Group gap="lg" align="flex-end" wrap="wrap">
            <Stack gap={4}>
              <Text size="sm" fw={500} id="grouping-label">{t('shopfloorControlling.grouping.label')}</Text>
              <SegmentedControl
                aria-labelledby="grouping-label"
                value={grouping}
                onChange={(v) => setGrouping(v as Grouping)}
                data={(['workCentre', 'shift', 'day', 'month'] as const).map((g) => ({ value: g, label: t(`shopfloorControlling.grouping.${g}`) }))}
              />
            </Stack>
            {grouping !== 'workCentre' && (
              <Select
                label={t('shopfloorControlling.workCentre.label')}
                value={workCentreId ?? ''}
                onChange={(v) => setWorkCentreId(v ? v : null)}
                allowDeselect={false}
                data={[{ value: '', label: t('shopfloorControlling.workCentre.all') }, ...(centres.data ?? []).map((c) => ({ value: c.id, label: `${c.code} – ${c.name}` }))]}
                w={260}
              />
            )}
          </Group>
        </Stack>
      </Card>

      {data.error ? <ProblemAlert error={data.error} /> : !data.data ? <Loading /> : (
        <div aria-busy={data.isFetching} data-testid="controlling-result">
          <SummaryCards total={data.data.total} orders={data.data.orders.total} />
          {rows.length === 0 ? (
            <Text>{t('shopfloorControlling.noData')}</Text>
          ) : (
            <>
              <Card withBorder padding="md" mb="lg">
                <Title order={2} size="h4" mb="xs">{t('shopfloorControlling.chart.title')}</Title>
                <KpiChart rows={rows} labels={labels} onSelect={select} />
              </Card>
              <Card withBorder padding="sm">
                <KpiTable
                  rows={rows}
                  labels={labels}
                  total={data.data.total}
                  caption={t(`shopfloorControlling.table.caption.${data.data.grouping}`)}
                  onSelect={select}
                />
              </Card>
            </>
          )}
        </div>
      )}
      <Definitions />
      <DrillDown target={target} onClose={() => setTarget(null)} />
    </>
  );
}
