import '../load-analytics-translations';
import { Group, NativeSelect, Text, TextInput } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fromLocalInput, toLocalInput } from '../../../../web/components/local-time-input';
import type { RequestedResolution } from '../analytics-api';

export const PRESETS = { '1h': 3_600_000, '24h': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000, '365d': 365 * 86_400_000 } as const;
export type Preset = keyof typeof PRESETS;
export type RangeChoice = { kind: 'preset'; preset: Preset } | { kind: 'custom'; from: string; to: string };


const REFRESH_MS = 15_000;

/**
 * The time window of a choice: a preset ends now and moves on every 15 seconds; a custom range
 * stays. Invalid custom input (end not after start) gives null.
 */
export function useWindow(choice: RangeChoice): { from: string; to: string } | null {
  const [tick, setTick] = useState(() => Date.now());
  useEffect(() => {
    if (choice.kind !== 'preset') return;
    setTick(Date.now());
    const timer = setInterval(() => setTick(Date.now()), REFRESH_MS);
    return () => clearInterval(timer);
  }, [choice]);
  return useMemo(() => {
    if (choice.kind === 'preset') return { from: new Date(tick - PRESETS[choice.preset]).toISOString(), to: new Date(tick).toISOString() };
    const from = fromLocalInput(choice.from);
    const to = fromLocalInput(choice.to);
    if (!Number.isFinite(from) || !Number.isFinite(to) || from >= to) return null;
    return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
  }, [choice, tick]);
}

export function RangeControls({ choice, onChoice, resolution, onResolution }: {
  choice: RangeChoice;
  onChoice: (c: RangeChoice) => void;
  resolution: RequestedResolution;
  onResolution: (r: RequestedResolution) => void;
}) {
  const { t } = useTranslation();
  const value = choice.kind === 'preset' ? choice.preset : 'custom';
  const invalid = choice.kind === 'custom' && customInvalid(choice);
  return (
    <>
      <NativeSelect label={t('machines.detail.range')} value={value}
        onChange={(e) => {
          const v = e.currentTarget.value;
          if (v === 'custom') {
            const now = Date.now();
            onChoice({ kind: 'custom', from: toLocalInput(now - PRESETS['24h']), to: toLocalInput(now) });
          } else onChoice({ kind: 'preset', preset: v as Preset });
        }}
        data={[...(Object.keys(PRESETS) as Preset[]).map((p) => ({ value: p, label: t(`machinesAnalytics.ranges.${p}`) })), { value: 'custom', label: t('machinesAnalytics.ranges.custom') }]} />
      {choice.kind === 'custom' && (
        <Group align="end" gap="sm">
          <TextInput type="datetime-local" label={t('machinesAnalytics.from')} value={choice.from} onChange={(e) => onChoice({ ...choice, from: e.currentTarget.value })} />
          <TextInput type="datetime-local" label={t('machinesAnalytics.to')} value={choice.to} onChange={(e) => onChoice({ ...choice, to: e.currentTarget.value })}
            error={invalid ? t('machinesAnalytics.toBeforeFrom') : undefined} />
        </Group>
      )}
      <NativeSelect label={t('machinesAnalytics.resolution')} value={resolution} onChange={(e) => onResolution(e.currentTarget.value as RequestedResolution)}
        data={(['auto', 'raw', '1m', '1h'] as const).map((r) => ({ value: r, label: t(`machinesAnalytics.resolutions.${r}`) }))} />
    </>
  );
}

function customInvalid(choice: Extract<RangeChoice, { kind: 'custom' }>) {
  const from = fromLocalInput(choice.from);
  const to = fromLocalInput(choice.to);
  return !Number.isFinite(from) || !Number.isFinite(to) || from >= to;
}

export function ResolutionNote({ resolution, fellBack }: { resolution: string; fellBack: boolean }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" c={fellBack ? 'orange.9' : 'dimmed'} data-testid="resolution-note">
      {t(`machinesAnalytics.shown.${resolution}`)}
      {fellBack && ` ${t('machinesAnalytics.fellBack')}`}
    </Text>
  );
}
