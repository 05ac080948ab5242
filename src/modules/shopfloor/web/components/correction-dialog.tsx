import { Alert, Button, Group, Loader, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../web/i18n/format';
import type { Reason } from '../../domain/reason-tree';
import type { OrderOperation } from '../../schemas';
import { useOperationBookings } from '../api';
import type { QueueEntry } from '../booking-queue';
import { reasonText } from '../reasons/reason-text';
import { COLORS } from './status-badge';

/** The margin the server uses when the company has not set one (shopfloor.store.ts). */
export const DEFAULT_MARGIN_PERCENT = 10;

interface Reversible {
  key: string;
  at: string;
  good: number;
  scrap: number;
  reason: string | null;
  /** Still on this device, not yet answered by the server. */
  pending: boolean;
}

/**
 * A correction on the terminal: pick one quantity booking of the operation and give a reason; a
 * reversal booking takes it back (the original stays as it was). Bookings already reversed — on the
 * server or by a reversal still queued here — are not offered again.
 */
export function CorrectionDialog({ companyId, op, entries, reasons, onClose, onReverse }: {
  companyId: string; op: OrderOperation; entries: QueueEntry[]; reasons: Reason[]; onClose: () => void;
  onReverse: (original: Reversible, reason: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { number, dateTime } = useFormat();
  const lang = i18n.language.startsWith('en') ? 'en' : 'de';
  const stored = useOperationBookings(companyId, op.id, true);
  const [chosen, setChosen] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const mine = entries.filter((e) => e.booking.operationId === op.id);
  const reversedHere = new Set(mine.filter((e) => e.booking.kind === 'reversal' && e.state !== 'conflict').map((e) => e.booking.reverses));
  const list: Reversible[] = [];
  for (const b of stored.data ?? []) {
    if (b.kind !== 'quantity' || b.reversedBy || reversedHere.has(b.key)) continue;
    list.push({ key: b.key, at: b.at, good: b.good ?? 0, scrap: b.scrap ?? 0, reason: b.reason, pending: false });
  }
  for (const e of mine) {
    if (e.booking.kind !== 'quantity' || (e.state !== 'pending' && e.state !== 'waiting') || reversedHere.has(e.booking.key)) continue;
    if (list.some((x) => x.key === e.booking.key)) continue;
    list.push({ key: e.booking.key, at: e.booking.at, good: e.booking.good ?? 0, scrap: e.booking.scrap ?? 0, reason: e.booking.reason ?? null, pending: true });
  }
  list.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));

  const submit = () => {
    const original = list.find((x) => x.key === chosen);
    if (!original) return setProblem(t('shopfloor.correction.chooseBooking'));
    if (reason.trim().length < 3) return setProblem(t('shopfloor.correction.reasonTooShort'));
    onReverse(original, reason.trim());
    onClose();
  };

  return (
    <Modal opened onClose={onClose} title={t('shopfloor.correction.title', { operation: op.name })} size="lg" centered>
      <form onSubmit={(e) => { e.preventDefault(); submit(); }} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('shopfloor.correction.intro')}</Text>
          {stored.isLoading && <Loader aria-label={t('common.loading')} />}
          {stored.error && !stored.data && <Alert color={COLORS.orange} variant="outline">{t('shopfloor.correction.offline')}</Alert>}
          {!stored.isLoading && list.length === 0 ? (
            <Text c="dimmed">{t('shopfloor.correction.nothing')}</Text>
          ) : (
            <Radio.Group label={t('shopfloor.correction.which')} value={chosen} onChange={setChosen} data-testid="correction-choices">
              <Stack gap="xs" mt="xs">
                {list.map((b) => (
                  <Radio key={b.key} value={b.key} size="lg"
                    label={`${dateTime(b.at)} · ${t('shopfloor.correction.quantities', { good: number(b.good), scrap: number(b.scrap) })}${
                      b.reason && b.scrap > 0 ? ` – ${reasonText(b.reason, 'quantity', reasons, lang, t)}` : ''}${b.pending ? ` (${t('shopfloor.sync.state.pending')})` : ''}`} />
                ))}
              </Stack>
            </Radio.Group>
          )}
          <TextInput size="lg" label={t('shopfloor.correction.reason')} description={t('shopfloor.correction.reasonHint')} value={reason} maxLength={200}
            onChange={(e) => setReason(e.currentTarget.value)} required data-testid="correction-reason" />
          {problem && <Alert color="red" role="alert">{problem}</Alert>}
          <Group justify="end">
            <Button size="lg" variant="default" onClick={onClose}>{t('shopfloor.quantity.cancel')}</Button>
            <Button size="xl" type="submit" color={COLORS.orange} disabled={list.length === 0}>{t('shopfloor.correction.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
