import { Anchor, Image, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../web/i18n/format';
import { useCompany } from '../../../../web/layout/app-layout';
import { shopfloorPath } from '../api';
import type { OrderOperation } from '../../schemas';

/** The values the server has stored for the operation, out-of-tolerance ones said in words. */
export function RecordedParameters({ op }: { op: OrderOperation }) {
  const { t, i18n } = useTranslation();
  const { number } = useFormat();
  const company = useCompany();
  if (op.recordedParameters.length === 0) return null;
  const lang = i18n.language.startsWith('en') ? 'en' : 'de';
  return (
    <Stack gap={0} data-testid="recorded-parameters">
      {op.recordedParameters.map((p) => {
        const def = op.parameters.find((d) => d.id === p.name);
        if (def?.type === 'photo') {
          const src = `/api/v1${shopfloorPath(company.id)}/photos/${encodeURIComponent(String(p.value))}`;
          const label = def.label[lang];
          return (
            <Text key={p.name} size="sm" component="div">
              {label}:{' '}
              <Anchor href={src} target="_blank" rel="noopener" display="inline-block" style={{ verticalAlign: 'middle' }}>
                <Image src={src} alt={t('shopfloorReasons.photo.recorded', { label })} h={56} w="auto" radius="sm" data-testid="recorded-photo" />
              </Anchor>
            </Text>
          );
        }
        const value = typeof p.value === 'number' ? `${number(p.value)}${p.unit ? ` ${p.unit}` : ''}` : p.value;
        return (
          <Text key={p.name} size="sm" c={p.outOfTolerance ? 'red.9' : undefined} fw={p.outOfTolerance ? 700 : undefined} data-out-of-tolerance={p.outOfTolerance}>
            {def?.label[lang] ?? p.name}: {value}{p.outOfTolerance && ` – ${t('shopfloor.parameters.outOfTolerance')}`}
          </Text>
        );
      })}
    </Stack>
  );
}
