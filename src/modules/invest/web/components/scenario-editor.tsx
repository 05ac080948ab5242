import { Card, SegmentedControl, SimpleGrid, Text, Title } from '@mantine/core';
import { NumberField } from '../../../../web/components/number-field';
import { useTranslation } from 'react-i18next';
import { DEFAULT_DEVIATIONS } from '../../evaluation-defaults';
import type { LineDeviations } from '../../domain/scenarios';
import type { ScenarioSpecData } from '../../schemas';
import { MoneyInput } from './money-input';

const LINES: Array<keyof LineDeviations> = ['investment', 'subsidy', 'runningCosts', 'savings', 'extraRevenue', 'residualValue'];

interface Props {
  name: 'worst' | 'best';
  spec: ScenarioSpecData;
  /** Net cash flows of the scenario as now computed, to start own cash flows from. */
  currentFlows: number[];
  onChange: (spec: ScenarioSpecData) => void;
}

/** Worst or best case: percentage deviations per line, or own net cash flows per year. */
export function ScenarioEditor({ name, spec, currentFlows, onChange }: Props) {
  const { t } = useTranslation();
  const title = t(`invest.scenarios.${name}`);
  return (
    <Card withBorder padding="md" data-testid={`scenario-${name}`}>
      <Title order={3} size="h5" mb="xs" id={`scenario-${name}-title`}>{title}</Title>
      <SegmentedControl
        aria-labelledby={`scenario-${name}-title`}
        mb="sm"
        fullWidth
        value={spec.mode === 'cashFlows' ? 'cashFlows' : 'deviations'}
        onChange={(mode) =>
          onChange(mode === 'cashFlows' ? { mode: 'cashFlows', cashFlowsCents: currentFlows } : { mode: 'deviations', deviations: { ...DEFAULT_DEVIATIONS[name] } })
        }
        data={[
          { value: 'deviations', label: t('invest.web.modeDeviations') },
          { value: 'cashFlows', label: t('invest.web.modeCashFlows') },
        ]}
      />
      {spec.mode === 'deviations' && (
        <SimpleGrid cols={2} spacing="xs">
          {LINES.map((line) => (
            <NumberField
              key={line}
              label={t('invest.web.deviationLabel', { line: t(`invest.lines.${line}`) })}
              aria-label={`${title}: ${t('invest.web.deviationLabel', { line: t(`invest.lines.${line}`) })}`}
              value={spec.deviations[line] ?? 0}
              rules={{ min: -100, max: 1000, decimals: 1 }}
              unit="%"
              onValue={(v) => onChange({ mode: 'deviations', deviations: { ...spec.deviations, [line]: v ?? 0 } })}
            />
          ))}
        </SimpleGrid>
      )}
      {spec.mode === 'cashFlows' && (
        <SimpleGrid cols={2} spacing="xs">
          {spec.cashFlowsCents.map((cents, year) => (
            <MoneyInput
              key={year}
              label={t('invest.web.cashFlowLabel', { year })}
              aria-label={`${title}: ${t('invest.web.cashFlowLabel', { year })}`}
              cents={cents}
              allowNegative
              onCents={(c) => onChange({ mode: 'cashFlows', cashFlowsCents: spec.cashFlowsCents.map((old, i) => (i === year ? c : old)) })}
            />
          ))}
        </SimpleGrid>
      )}
      {spec.mode === 'inputs' && <Text size="sm">{t('invest.web.modeInputs')}</Text>}
    </Card>
  );
}
