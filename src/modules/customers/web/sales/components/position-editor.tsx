import { ActionIcon, Button, Card, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NumberField } from '../../../../../web/components/number-field';
import { useFormat } from '../../../../../web/i18n/format';
import { PartSelect } from './part-select';

/** A position as typed: quantities in units, prices in the currency (not cents), discount in per cent. */
export interface DraftPosition {
  key: string;
  kind: 'part' | 'text';
  partId: string | null;
  partLabel: string;
  text: string;
  quantity: number | null;
  unitPrice: number | null;
  discount: number | null;
  vatBasisPoints: number;
  deliveryDate: string;
}

export const VAT_RATES = [1900, 700, 0];

let counter = 0;
export const newDraftPosition = (): DraftPosition => ({ key: `new-${++counter}`, kind: 'part', partId: null, partLabel: '', text: '', quantity: 1, unitPrice: null, discount: null, vatBasisPoints: 1900, deliveryDate: '' });

/** What the API takes, or null while a position is incomplete. */
export function positionBody(p: DraftPosition) {
  if (p.quantity === null || p.quantity <= 0 || p.unitPrice === null) return null;
  if (p.kind === 'part' ? !p.partId : p.text.trim() === '') return null;
  return {
    partId: p.kind === 'part' ? p.partId : null,
    text: p.kind === 'text' ? p.text.trim() : '',
    quantityMilli: Math.round(p.quantity * 1000),
    unitPriceCents: Math.round(p.unitPrice * 100),
    discountBasisPoints: Math.round((p.discount ?? 0) * 100),
    vatBasisPoints: p.vatBasisPoints,
    deliveryDate: p.deliveryDate || null,
  };
}

export function PositionEditor({ companyId, index, position, netCents, currency, onChange, onRemove }: {
  companyId: string;
  index: number;
  position: DraftPosition;
  netCents: number | null;
  currency: string;
  onChange: (p: DraftPosition) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const { money, number } = useFormat();
  const set = <K extends keyof DraftPosition>(key: K) => (value: DraftPosition[K]) => onChange({ ...position, [key]: value });
  const label = t('customersSales.positions.label', { number: (index + 1) * 10 });
  return (
    <Card withBorder padding="sm" component="fieldset" aria-label={label} data-testid="position" style={{ minInlineSize: 0 }}>
      <Group justify="space-between" mb="xs">
        <Text fw={700} component="legend" style={{ float: 'left' }}>{label}</Text>
        <Group gap="xs">
          <SegmentedControl size="xs" value={position.kind} onChange={(v) => set('kind')(v as DraftPosition['kind'])}
            aria-label={t('customersSales.positions.kind')}
            data={[{ value: 'part', label: t('customersSales.positions.kindPart') }, { value: 'text', label: t('customersSales.positions.kindText') }]} />
          <ActionIcon variant="subtle" color="red" onClick={onRemove} aria-label={t('customersSales.positions.remove', { number: (index + 1) * 10 })}>✕</ActionIcon>
        </Group>
      </Group>
      <Stack gap="xs">
        {position.kind === 'part' ? (
          <PartSelect companyId={companyId} value={position.partId} label={position.partLabel} onChange={(part) => onChange({ ...position, partId: part?.id ?? null, partLabel: part?.label ?? '' })} />
        ) : (
          <Textarea label={t('customersSales.positions.text')} required autosize minRows={1} maxLength={2000} value={position.text} onChange={(e) => set('text')(e.currentTarget.value)} />
        )}
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }}>
          <NumberField label={t('customersSales.positions.quantity')} required value={position.quantity} onValue={set('quantity')} rules={{ min: 0.001, decimals: 3, max: 1_000_000_000 }} />
          <NumberField label={t('customersSales.positions.unitPrice')} required value={position.unitPrice} onValue={set('unitPrice')} unit="€" rules={{ min: 0, decimals: 2, max: 1_000_000_000 }} />
          <NumberField label={t('customersSales.positions.discount')} value={position.discount} onValue={set('discount')} unit="%" rules={{ min: 0, max: 100, decimals: 2, optional: true }} />
          <Select label={t('customersSales.positions.vat')} allowDeselect={false} value={String(position.vatBasisPoints)} onChange={(v) => set('vatBasisPoints')(Number(v ?? 1900))}
            data={VAT_RATES.map((r) => ({ value: String(r), label: `${number(r / 100)} %` }))} />
          <TextInput type="date" label={t('customersSales.positions.deliveryDate')} value={position.deliveryDate} onChange={(e) => set('deliveryDate')(e.currentTarget.value)} />
        </SimpleGrid>
        <Text size="sm" ta="right" aria-live="polite">{t('customersSales.positions.net')}: <Text span fw={700}>{netCents === null ? '–' : money(netCents, currency)}</Text></Text>
      </Stack>
    </Card>
  );
}

export function AddPositionButton({ onAdd }: { onAdd: () => void }) {
  const { t } = useTranslation();
  return <Button variant="light" onClick={onAdd}>{t('customersSales.positions.add')}</Button>;
}
