import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../../web/i18n/format';
import type { PlanItemEvaluationView } from '../../schemas';

/** Expected-case figures of the investment evaluations attached to a plan measure, each linking to its evaluation. */
export function PlanItemEvaluations({ companyId, evaluations }: { companyId: string; evaluations: PlanItemEvaluationView[] }) {
  const { t } = useTranslation();
  const { money, percent, number } = useFormat();
  if (evaluations.length === 0) return null;
  return (
    <Stack gap={4} data-testid="plan-item-evaluations">
      {evaluations.map((e) => (
        <div key={e.evaluationId} data-testid={`evaluation-${e.evaluationId}`}>
          <Text size="xs" c="dimmed">
            {t('roadmap.plan.evaluations')}:{' '}
            <Anchor component={Link} to={`/c/${companyId}/invest/${e.evaluationId}`} size="xs" fw={600} aria-label={t('roadmap.plan.evaluationLink', { title: e.title })}>
              {e.title}
            </Anchor>
          </Text>
          <Group gap="sm" wrap="wrap">
            <Text size="xs" data-figure="npv">{t('roadmap.plan.npv')}: {e.npvCents === null ? '–' : money(e.npvCents)}</Text>
            <Text size="xs" data-figure="irr">{t('roadmap.plan.irr')}: {e.irr === null ? t('roadmap.plan.noIrr') : percent(e.irr, 1)}</Text>
            <Text size="xs" data-figure="payback">{t('roadmap.plan.payback')}: {e.paybackYears === null ? t('roadmap.plan.notReached') : t('roadmap.plan.years', { value: number(e.paybackYears, 1) })}</Text>
            <Text size="xs" data-figure="utility">{t('roadmap.plan.utility')}: {e.utilityScore === null ? t('roadmap.plan.notRated') : `${number(e.utilityScore, 0)} / 100`}</Text>
          </Group>
        </div>
      ))}
    </Stack>
  );
}
