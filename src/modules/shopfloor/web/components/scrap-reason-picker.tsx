import '../reasons/load-translations';
import { Button, SimpleGrid, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reason } from '../../domain/reason-tree';
import { COLORS } from './status-badge';

/** The company's active scrap reasons as large toggle buttons; exactly one is chosen. */
export function ScrapReasonPicker({ reasons, value, onChange }: { reasons: readonly Reason[]; value: string | null; onChange: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'de';
  const labelId = useId();
  const list = reasons.filter((r) => r.kind === 'scrap' && r.active).sort((a, b) => a.position - b.position);
  return (
    <Stack gap={4}>
      <Text id={labelId} fw={500} size="lg">{t('shopfloor.quantity.scrapReason')} <span aria-hidden="true" style={{ color: 'var(--mantine-color-red-9)' }}>*</span></Text>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" role="group" aria-labelledby={labelId}>
        {list.map((r) => (
          <Button key={r.id} size="lg" h={64} variant={value === r.id ? 'filled' : 'outline'} color={COLORS.teal} aria-pressed={value === r.id} onClick={() => onChange(r.id)}
            styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}>
            {r.label[lang]}
          </Button>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
