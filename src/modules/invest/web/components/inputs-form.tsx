import { Card, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { NumberField } from '../../../../web/components/number-field';
import { useTranslation } from 'react-i18next';
import type { PlanInputs } from '../../schemas';
import { MoneyInput } from './money-input';

/** The plain inputs of the expected case. */
export function InputsForm({ inputs, onChange }: { inputs: PlanInputs; onChange: (inputs: PlanInputs) => void }) {
  const { t } = useTranslation();
  const set = (patch: Partial<PlanInputs>) => onChange({ ...inputs, ...patch });
  const kind = inputs.subsidy?.kind ?? 'none';
  const yearly = (line: 'runningCosts' | 'savings' | 'extraRevenue') => t('invest.web.perYear', { line: t(`invest.lines.${line}`) });
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4">{t('invest.web.inputs')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('invest.web.inputsIntro')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <MoneyInput label={t('invest.lines.investment')} cents={inputs.investmentCents} onCents={(c) => set({ investmentCents: c })} />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="subsidy-kind-label">{t('invest.web.subsidyKind')}</Text>
          <SegmentedControl
            aria-labelledby="subsidy-kind-label"
            value={kind}
            onChange={(v) => set({ subsidy: v === 'none' ? null : v === 'amount' ? { kind: 'amount', amountCents: 0 } : { kind: 'rate', rate: 0 } })}
            data={[
              { value: 'none', label: t('invest.web.subsidyNone') },
              { value: 'amount', label: t('invest.web.subsidyAmount') },
              { value: 'rate', label: t('invest.web.subsidyRate') },
            ]}
          />
        </Stack>
        {inputs.subsidy?.kind === 'amount' && (
          <MoneyInput label={t('invest.lines.subsidy')} cents={inputs.subsidy.amountCents} onCents={(c) => set({ subsidy: { kind: 'amount', amountCents: c } })} />
        )}
        {inputs.subsidy?.kind === 'rate' && (
          <NumberField label={t('invest.web.subsidyRateLabel')} value={Math.round(inputs.subsidy.rate * 1000) / 10} rules={{ min: 0, max: 100, decimals: 1 }} unit="%"
            onValue={(v) => set({ subsidy: { kind: 'rate', rate: (v ?? 0) / 100 } })} />
        )}
        {inputs.subsidy && (
          <TextInput label={t('invest.web.fundingProgramme')} value={inputs.fundingProgramme ?? ''} onChange={(e) => set({ fundingProgramme: e.currentTarget.value || null })} />
        )}
        <MoneyInput label={yearly('runningCosts')} cents={inputs.runningCostsPerYearCents} onCents={(c) => set({ runningCostsPerYearCents: c })} />
        <MoneyInput label={yearly('savings')} cents={inputs.savingsPerYearCents} onCents={(c) => set({ savingsPerYearCents: c })} />
        <MoneyInput label={yearly('extraRevenue')} cents={inputs.extraRevenuePerYearCents} onCents={(c) => set({ extraRevenuePerYearCents: c })} />
        <MoneyInput label={t('invest.lines.residualValue')} cents={inputs.residualValueCents} onCents={(c) => set({ residualValueCents: c })} allowNegative />
      </SimpleGrid>
    </Card>
  );
}
