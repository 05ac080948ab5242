import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNumberProblemText } from '../../../../web/components/number-field';
import { type NumberProblem, readNumber } from '../../../../web/components/number-text';
import { useFormat } from '../../../../web/i18n/format';
import { needsConfirmation } from '../../domain/booking-sync';
import type { Reason } from '../../domain/reason-tree';
import { COLORS } from '../components/status-badge';
import { ScrapReasonPicker } from '../components/scrap-reason-picker';

/** Good and scrap quantities with the scrap reason; asks again above the order quantity plus the company's margin. */
export function QuantityDialog({ opened, reasons, onClose, onBook, limit, goodSoFar }: {
  opened: boolean; reasons: Reason[]; onClose: () => void; onBook: (q: { good: number; scrap: number; reason?: string; confirmed?: boolean }) => void;
  limit: { orderQuantity: number; marginPercent: number }; goodSoFar: number;
}) {
  const { t, i18n } = useTranslation();
  const { number } = useFormat();
  const problemText = useNumberProblemText();
  const lang = i18n.language === 'en' ? 'en' : 'de';
  const [good, setGood] = useState('');
  const [scrap, setScrap] = useState('');
  const [reason, setReason] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [fieldProblems, setFieldProblems] = useState<{ good?: NumberProblem; scrap?: NumberProblem }>({});
  const [confirming, setConfirming] = useState<{ good: number; scrap: number; reason?: string } | null>(null);
  useEffect(() => {
    if (opened) {
      setGood('');
      setScrap('');
      setReason(null);
      setProblem(null);
      setFieldProblems({});
      setConfirming(null);
    }
  }, [opened]);
  // Quantities are whole numbers from 0: anything else ("-5abc", "2,5", "1e3") is refused with its reason, never cut to a number.
  const read = (text: string) => readNumber(text, lang, { integer: true, min: 0, optional: true });
  const scrapValue = (() => {
    const r = read(scrap);
    return r.ok ? (r.value ?? 0) : 0;
  })();
  const submit = () => {
    const g = read(good);
    const s = read(scrap);
    setFieldProblems({ ...(g.ok ? {} : { good: g.problem }), ...(s.ok ? {} : { scrap: s.problem }) });
    if (!g.ok || !s.ok) return setProblem(t('shopfloor.quantity.fixFields'));
    const goodValue = g.value ?? 0;
    const scrapCount = s.value ?? 0;
    if (goodValue + scrapCount === 0) return setProblem(t('shopfloor.quantity.needQuantity'));
    if (scrapCount > 0 && !reason) return setProblem(t('shopfloor.quantity.needReason'));
    setProblem(null);
    const q = scrapCount > 0 && reason ? { good: goodValue, scrap: scrapCount, reason } : { good: goodValue, scrap: scrapCount };
    if (needsConfirmation(limit, goodSoFar, goodValue, scrapCount)) return setConfirming(q);
    onBook(q);
  };
  const remaining = limit.orderQuantity - goodSoFar;
  return (
    <Modal opened={opened} onClose={onClose} title={t('shopfloor.quantity.title')} size="lg" centered>
      {confirming ? (
        <Stack gap="md" data-testid="quantity-confirmation">
          <Alert color={COLORS.orange} variant="outline" role="alert" title={t('shopfloor.quantity.confirmTitle')} styles={{ title: { color: COLORS.orange } }}>
            {t('shopfloor.quantity.confirmText', {
              quantity: number(confirming.good + confirming.scrap),
              remaining: number(Math.max(0, remaining)),
              order: number(limit.orderQuantity),
              margin: number(limit.marginPercent),
            })}
          </Alert>
          <Group justify="end">
            <Button size="lg" variant="default" onClick={() => setConfirming(null)} data-autofocus>{t('shopfloor.quantity.change')}</Button>
            <Button size="xl" color={COLORS.orange} onClick={() => onBook({ ...confirming, confirmed: true })}>
              {t('shopfloor.quantity.confirmAnyway', { quantity: number(confirming.good + confirming.scrap) })}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={(e) => { e.preventDefault(); submit(); }} noValidate>
          <Stack gap="md">
            <Text size="sm" c="dimmed">{t('shopfloor.quantity.remaining', { remaining: number(Math.max(0, remaining)), order: number(limit.orderQuantity) })}</Text>
            <SimpleGrid cols={2} spacing="md">
              <TextInput size="xl" label={t('shopfloor.quantity.good')} value={good} inputMode="numeric" autoComplete="off" data-autofocus data-testid="quantity-good"
                onChange={(e) => { setGood(e.currentTarget.value); setFieldProblems((p) => ({ ...p, good: undefined })); }}
                error={fieldProblems.good ? problemText(fieldProblems.good) : undefined} />
              <TextInput size="xl" label={t('shopfloor.quantity.scrap')} value={scrap} inputMode="numeric" autoComplete="off" data-testid="quantity-scrap"
                onChange={(e) => { setScrap(e.currentTarget.value); setFieldProblems((p) => ({ ...p, scrap: undefined })); }}
                error={fieldProblems.scrap ? problemText(fieldProblems.scrap) : undefined} />
            </SimpleGrid>
            {scrapValue > 0 && <ScrapReasonPicker reasons={reasons} value={reason} onChange={setReason} />}
            {problem && <Alert color="red" role="alert">{problem}</Alert>}
            <Group justify="end">
              <Button size="lg" variant="default" onClick={onClose}>{t('shopfloor.quantity.cancel')}</Button>
              <Button size="xl" type="submit" color={COLORS.teal}>{t('shopfloor.quantity.confirm')}</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
