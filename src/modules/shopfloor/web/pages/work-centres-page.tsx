import { Anchor, Button, Card, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useClientList } from '../../../../web/components/client-list';
import { Loading } from '../../../../web/components/loading';
import { PageHeader } from '../../../../web/components/page-header';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { useFormat } from '../../../../web/i18n/format';
import type { WorkCentre } from '../../schemas';
import { useWorkCentres } from '../api';
import { ShopfloorTabs } from '../components/shopfloor-tabs';
import { WEEKDAYS, calendarToForm, weeklyMinutes } from '../master-data/calendar-form';
import { useMasterData } from '../master-data/use-master-data';

/** "Mo–Fr 06:00–14:00, 14:00–22:00" — days with the same shifts grouped. */
export function useShiftSummary() {
  const { m } = useMasterData();
  return (centre: WorkCentre) => {
    const groups: Array<{ days: string[]; shifts: string }> = [];
    for (const d of WEEKDAYS) {
      const shifts = (centre.calendar.week[d] ?? []).map((s) => `${s.start}–${s.end}`).join(', ');
      if (!shifts) continue;
      const last = groups[groups.length - 1];
      const previous = WEEKDAYS[WEEKDAYS.indexOf(d) - 1];
      if (last && last.shifts === shifts && last.days[last.days.length - 1] === previous) last.days.push(d);
      else groups.push({ days: [d], shifts });
    }
    if (groups.length === 0) return m('workCentres.noShifts');
    const short = (d: string) => m(`weekdaysShort.${d}`);
    return groups.map((g) => `${g.days.length > 2 ? `${short(g.days[0])}–${short(g.days[g.days.length - 1])}` : g.days.map(short).join(', ')} ${g.shifts}`).join(' · ');
  };
}

export default function WorkCentresPage() {
  const { m, company, canPlan, base } = useMasterData();
  const centres = useWorkCentres(company.id);
  const summary = useShiftSummary();
  const { number } = useFormat();
  const view = useClientList(centres.data ?? [], {
    texts: (c) => [c.code, c.name],
    sorts: {
      code: { label: m('workCentres.code'), compare: (a, b) => a.code.localeCompare(b.code) },
      hours: { label: m('workCentres.hoursPerWeek'), compare: (a, b) => weeklyMinutes(calendarToForm(b.calendar)) - weeklyMinutes(calendarToForm(a.calendar)) || a.code.localeCompare(b.code) },
    },
  });
  if (centres.error) return <ProblemAlert error={centres.error} />;
  if (!centres.data) return <Loading />;
  const list = view.shown;
  return (
    <>
      <ShopfloorTabs />
      <PageHeader title={m('workCentres.title')} intro={m('workCentres.intro')}>
        {canPlan && (
          <Group mt="sm">
            <Button component={Link} to={`${base}/work-centres/new`} size="lg">{m('workCentres.new')}</Button>
          </Group>
        )}
      </PageHeader>
      {centres.data.length === 0 ? (
        <Text>{m('workCentres.empty')}</Text>
      ) : (
        <Card withBorder padding="md">
          {view.controls}
          {view.noMatchNotice}
          <Table verticalSpacing="sm" data-testid="work-centre-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{m('workCentres.code')}</Table.Th>
                <Table.Th scope="col">{m('workCentres.shifts')}</Table.Th>
                <Table.Th scope="col" ta="right">{m('workCentres.hoursPerWeek')}</Table.Th>
                <Table.Th scope="col" ta="right">{m('workCentres.holidays')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((c) => (
                <Table.Tr key={c.id} data-code={c.code}>
                  <Table.Td>
                    <Anchor component={Link} to={`${base}/work-centres/${c.id}`} fw={600} size="lg" aria-label={m('workCentres.show', { name: `${c.code} ${c.name}` })}>{c.code}</Anchor>
                    <Text size="sm">{c.name}</Text>
                  </Table.Td>
                  <Table.Td><Text size="sm">{summary(c)}</Text><Text size="xs" c="dimmed">{c.calendar.timeZone}</Text></Table.Td>
                  <Table.Td ta="right">{number(weeklyMinutes(calendarToForm(c.calendar)) / 60, 1)}</Table.Td>
                  <Table.Td ta="right">{c.calendar.holidays.length}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {view.pagination}
        </Card>
      )}
    </>
  );
}
