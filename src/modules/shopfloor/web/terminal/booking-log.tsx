import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../web/i18n/format';
import type { Reason } from '../../domain/reason-tree';
import type { EntryState, QueueEntry } from '../booking-queue';
import { COLORS } from '../components/status-badge';
import { reasonText } from '../reasons/reason-text';

const STATE_COLOR: Record<EntryState, string> = { pending: COLORS.orange, waiting: COLORS.orange, applied: COLORS.green, duplicate: COLORS.green, conflict: COLORS.red };

function describeKind(entry: QueueEntry, t: (key: string, o?: Record<string, unknown>) => string, reasons: Reason[], lang: 'de' | 'en'): string {
  const b = entry.booking;
  if (b.kind === 'parameters') return `${t('shopfloor.actions.parameters')}: ${t('shopfloor.sync.parameters', { count: b.parameters?.length ?? 0 })}`;
  if (b.kind === 'quantity') {
    const scrapReason = b.reason && (b.scrap ?? 0) > 0 ? ` – ${reasonText(b.reason, 'quantity', reasons, lang, t)}` : '';
    return `${t('shopfloor.actions.quantity')}: ${t('shopfloor.sync.quantity', { good: b.good ?? 0, scrap: b.scrap ?? 0 })}${scrapReason}`;
  }
  if (b.kind === 'reversal') {
    const what = entry.reversed ? t('shopfloor.sync.quantity', { good: entry.reversed.good, scrap: entry.reversed.scrap }) : '';
    return `${t('shopfloor.actions.reversal')}: ${what} – ${t('shopfloor.correction.reasonShort', { reason: b.reason ?? '' })}`;
  }
  if (b.kind === 'pause' && b.reason) return `${t('shopfloor.actions.pause')}: ${reasonText(b.reason, 'pause', reasons, lang, t)}`;
  return t(`shopfloor.actions.${b.kind}`);
}

/** This device's newest bookings with their state (sent, waiting, conflict and why). */
export function BookingLog({ entries, reasons }: { entries: QueueEntry[]; reasons: Reason[] }) {
  const { t, i18n } = useTranslation();
  const { dateTime } = useFormat();
  const newest = [...entries].sort((a, b) => b.booking.sequence - a.booking.sequence).slice(0, 30);
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h3" mb="md">{t('shopfloor.sync.log')}</Title>
      {newest.length === 0 ? (
        <Text c="dimmed">{t('shopfloor.sync.logEmpty')}</Text>
      ) : (
        <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="booking-log">
          {newest.map((e) => (
            <li key={e.booking.key} data-state={e.state} data-kind={e.booking.kind}>
              <Group justify="space-between" wrap="nowrap" align="start">
                <Stack gap={0}>
                  <Text fw={600}>{describeKind(e, t, reasons, i18n.language.startsWith('en') ? 'en' : 'de')}</Text>
                  <Text size="sm" c="dimmed">{t('shopfloor.sync.logEntry', { order: e.orderNumber, operation: e.operationName })} · {dateTime(e.booking.at)}</Text>
                  {e.state === 'conflict' && (
                    <Text size="sm" c="red.9" data-testid="conflict">
                      {i18n.exists(`shopfloor.conflicts.${e.conflictReason}`) ? t(`shopfloor.conflicts.${e.conflictReason}`) : t('shopfloor.conflicts.unknown', { reason: e.conflictReason })}
                      {e.operationStatus && ` ${t('shopfloor.conflicts.operationStatus', { status: t(`shopfloor.status.${e.operationStatus}`) })}`}
                    </Text>
                  )}
                </Stack>
                <Badge variant="filled" size="lg" color={STATE_COLOR[e.state]} style={{ flexShrink: 0 }}>{t(`shopfloor.sync.state.${e.state}`)}</Badge>
              </Group>
            </li>
          ))}
        </Stack>
      )}
    </Card>
  );
}
