import { Anchor, Group, SegmentedControl, Table, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../web/i18n/format';
import type { KpiRow } from './api';
import { ScrollRegion } from '../../../../web/components/scroll-region';
import { type EmptyReason, emptyReason } from './empty-reason';
import { FigureValue, REASON_MARK } from './figure-value';
import { type ColumnSet, FIGURE_COLUMNS, type KpiColumn, allColumnsFit, shownColumns } from './kpi-columns';

/**
 * The figures of every row as a table; the first cell opens the bookings behind the row. Where the
 * ten columns do not fit (a tablet in portrait), a switch shows the ratios or the hours and quantities.
 */
export function KpiTable({ rows, labels, total, caption, onSelect }: {
  rows: KpiRow[];
  labels: string[];
  total: KpiRow | null;
  caption: string;
  onSelect: (index: number) => void;
}) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const hours = (ms: number) => number(ms / 3_600_000, 1);
  const all = total ? [...rows, total] : rows;
  const used = new Set<EmptyReason>(all.flatMap((r) => FIGURE_COLUMNS.map((f) => emptyReason(r, f)).filter((x): x is EmptyReason => x !== null)));
  const { ref, width } = useElementSize();
  const [set, setSet] = useState<ColumnSet>('figures');
  // before the first measurement (width 0) all columns, so a wide screen does not flicker
  const fits = width === 0 || allColumnsFit(width);
  const columns = fits ? shownColumns(Number.POSITIVE_INFINITY, set) : shownColumns(width, set);
  const cell = (r: KpiRow, c: KpiColumn) => {
    switch (c) {
      case 'plannedHours': return hours(r.plannedProductionMs);
      case 'runHours': return hours(r.runMs);
      case 'good': return number(r.good);
      case 'scrap': return number(r.scrap);
      default: return <FigureValue row={r} figure={c} />;
    }
  };
  const cells = (r: KpiRow) => columns.map((c) => <Table.Td key={c} ta="right" data-figure={c}>{cell(r, c)}</Table.Td>);
  return (
    <div ref={ref}>
      {!fits && (
        <Group gap="sm" mb="xs" align="center">
          <Text size="sm" fw={500} id="controlling-columns-label">{t('shopfloorControlling.table.columns')}</Text>
          <SegmentedControl
            size="sm"
            aria-labelledby="controlling-columns-label"
            value={set}
            onChange={(v) => setSet(v as ColumnSet)}
            data={[{ value: 'figures', label: t('shopfloorControlling.table.figuresSet') }, { value: 'amounts', label: t('shopfloorControlling.table.amountsSet') }]}
          />
        </Group>
      )}
      <ScrollRegion label={caption} minWidth={fits ? 720 : 0}>
        <Table striped highlightOnHover verticalSpacing="xs" horizontalSpacing={4} fz="sm" data-testid="controlling-table">
          <Table.Caption>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('shopfloorControlling.table.group')}</Table.Th>
              {columns.map((c) => <Table.Th key={c} scope="col" ta="right">{t(`shopfloorControlling.figures.${c}`)}</Table.Th>)}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr key={`${i}-${labels[i]}`} data-row={labels[i]}>
                <Table.Th scope="row" fw={500} miw={110}>
                  <Anchor component="button" type="button" ta="left" onClick={() => onSelect(i)} aria-label={t('shopfloorControlling.table.showBookings', { label: labels[i] })}>
                    {labels[i]}
                  </Anchor>
                </Table.Th>
                {cells(r)}
              </Table.Tr>
            ))}
          </Table.Tbody>
          {total && (
            <Table.Tfoot>
              <Table.Tr fw={700} data-row="total">
                <Table.Th scope="row">{t('shopfloorControlling.table.total')}</Table.Th>
                {cells(total)}
              </Table.Tr>
            </Table.Tfoot>
          )}
        </Table>
      </ScrollRegion>
      {used.size > 0 && (
        <Text size="sm" c="dimmed" mt="xs" data-testid="empty-legend">
          {t('shopfloorControlling.empty.legend')}{' '}
          {[...used].map((r) => `${REASON_MARK[r]}: ${t(`shopfloorControlling.empty.${r}`)}`).join(' · ')}
        </Text>
      )}
    </div>
  );
}
