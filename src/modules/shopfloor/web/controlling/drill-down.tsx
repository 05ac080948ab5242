import { Alert, Badge, Modal, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../../web/components/loading';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { useFormat } from '../../../../web/i18n/format';
import { useCompany } from '../../../../web/layout/app-layout';
import type { DrillDownBooking } from '../../controlling.schemas';
import { COLORS } from '../components/status-badge';
import { type DrillDownTarget, useDrillDown } from './api';
import { ScrollRegion } from '../../../../web/components/scroll-region';
import { useReasons } from '../reasons/reasons-api';
import { reasonText } from '../reasons/reason-text';

const NOWRAP = { whiteSpace: 'nowrap' } as const;
const STATUS_COLOR: Record<string, string> = { applied: COLORS.green, conflict: COLORS.red, waiting: COLORS.gray };

/** The bookings behind a clicked bar or row, in a dialog. */
export function DrillDown({ target, onClose }: { target: DrillDownTarget | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { locale, number } = useFormat();
  const company = useCompany();
  const answer = useDrillDown(company.id, target);
  // Times in the time zone of the figures, not of the browser.
  const when = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: answer.data?.period.timeZone }).format(new Date(iso));
  const reasons = useReasons(company.id).data ?? [];
  const reason = (b: DrillDownBooking) => (b.reason ? reasonText(b.reason, b.kind === 'pause' ? 'pause' : 'quantity', reasons, i18n.language.startsWith('en') ? 'en' : 'de', t) : '');
  return (
    <Modal opened={target !== null} onClose={onClose} size="90%" title={target ? t('shopfloorControlling.drill.title', { label: target.label }) : ''} closeButtonProps={{ 'aria-label': t('shopfloorControlling.drill.close') }}>
      <Text size="sm" c="dimmed" mb="sm">{t('shopfloorControlling.drill.intro')}</Text>
      {answer.error ? <ProblemAlert error={answer.error} /> : !answer.data ? <Loading /> : answer.data.bookings.length === 0 ? (
        <Text data-testid="drill-empty">{t('shopfloorControlling.drill.empty')}</Text>
      ) : (
        <>
          {answer.data.truncated && <Alert color="yellow" mb="sm">{t('shopfloorControlling.drill.truncated', { count: answer.data.bookings.length })}</Alert>}
          <ScrollRegion label={target ? t('shopfloorControlling.drill.title', { label: target.label }) : ''} minWidth={980}>
            <Table striped verticalSpacing="xs" data-testid="drill-table">
              <Table.Thead>
                <Table.Tr>
                  {(['time', 'order', 'operation', 'workCentre', 'kind', 'good', 'scrap', 'reason', 'shift', 'worker', 'status'] as const).map((c) => (
                    <Table.Th key={c} scope="col" ta={c === 'good' || c === 'scrap' ? 'right' : undefined}>{t(`shopfloorControlling.drill.${c}`)}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {answer.data.bookings.map((b) => (
                  <Table.Tr key={b.key} data-kind={b.kind}>
                    <Table.Td style={NOWRAP}>{when(b.at)}</Table.Td>
                    <Table.Td style={NOWRAP}>{b.orderNumber}</Table.Td>
                    <Table.Td>{t('shopfloor.terminal.operation', { position: b.operationPosition, name: b.operationName })}</Table.Td>
                    <Table.Td style={NOWRAP}>{b.workCentreCode}</Table.Td>
                    <Table.Td>{t(`shopfloor.actions.${b.kind}`, { defaultValue: b.kind })}</Table.Td>
                    <Table.Td ta="right">{b.good === null ? '' : number(b.good)}</Table.Td>
                    <Table.Td ta="right">{b.scrap === null ? '' : number(b.scrap)}</Table.Td>
                    <Table.Td>{reason(b)}</Table.Td>
                    <Table.Td>{b.shift ?? t('shopfloorControlling.outsideShifts')}</Table.Td>
                    <Table.Td>{b.worker ?? '–'}</Table.Td>
                    <Table.Td style={NOWRAP}>
                      <Badge color={STATUS_COLOR[b.status] ?? COLORS.gray} variant="filled" tt="none" style={{ overflow: 'visible' }} title={b.conflictReason ? t(`shopfloor.conflicts.${b.conflictReason}`, { defaultValue: b.conflictReason, reason: b.conflictReason }) : undefined}>
                        {t(`shopfloorControlling.drill.statuses.${b.status}`, { defaultValue: b.status })}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        </>
      )}
    </Modal>
  );
}
