import '../load-translations';
import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading } from '../../../../web/components/loading';
import { NextStep } from '../../../../web/components/next-step';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { useFormat } from '../../../../web/i18n/format';
import { useCompany } from '../../../../web/layout/app-layout';
import { useAccept, useSuggestions } from '../api';
import { ModuleSuggestions } from '../components/module-suggestions';
import { RoadmapHeader } from '../components/roadmap-header';

export default function SuggestionsPage() {
  const { t } = useTranslation();
  const { date, localized } = useFormat();
  const company = useCompany();
  const suggestions = useSuggestions(company.id);
  const accept = useAccept(company.id);
  const mayPlan = company.permissions.includes('roadmap.plan');
  if (suggestions.error) return <><RoadmapHeader /><ProblemAlert error={suggestions.error} /></>;
  if (!suggestions.data) return <Loading />;
  const { check, suggestions: list, fromModules } = suggestions.data;
  const titles = new Map(list.map((s) => [s.id, localized(s.title)]));
  const inPlanCount = list.filter((s) => s.planItem && s.planItem.status !== 'dropped').length;
  const openQuickWins = list.filter((s) => s.quadrant === 'quickWin' && (!s.planItem || s.planItem.status === 'dropped')).map((s) => s.id);
  return (
    <>
      <RoadmapHeader />
      {!check ? (
        <Stack gap="md">
          <Alert title={t('roadmap.noCheck')}><Button component={Link} to={`/c/${company.id}/check`} mt="sm">{t('roadmap.toCheck')}</Button></Alert>
          <ModuleSuggestions companyId={company.id} list={fromModules} mayPlan={mayPlan} />
        </Stack>
      ) : (
        <Stack gap="md">
          <Group justify="space-between">
            <Text>{t('roadmap.suggestions.fromCheck', { date: date(check.completedAt) })}</Text>
            <Group gap="sm">
              {mayPlan && openQuickWins.length > 0 && (
                <Button variant="light" loading={accept.isPending} onClick={() => accept.mutate(openQuickWins)}>{t('roadmap.suggestions.acceptAll')}</Button>
              )}
              {inPlanCount > 0 && <Button component={Link} to={`/c/${company.id}/roadmap/plan`} variant="outline">{t('roadmap.suggestions.toPlan', { count: inPlanCount })}</Button>}
            </Group>
          </Group>
          <ProblemAlert error={accept.error} />
          {list.length === 0 && <Text>{t('roadmap.suggestions.none')}</Text>}
          {list.map((s) => {
            const inPlan = s.planItem && s.planItem.status !== 'dropped';
            return (
              <Card key={s.id} withBorder padding="md" data-testid={`suggestion-${s.id}`}>
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <Stack gap={4} style={{ flex: 1 }}>
                    <Title order={2} size="h4">{localized(s.title)}</Title>
                    <Group gap="xs">
                      <Badge variant="light">{t(`roadmap.quadrant.${s.quadrant}`)}</Badge>
                      <Text size="sm" c="dimmed">{t('roadmap.suggestions.effortBenefit', { effort: t(`roadmap.level.${s.effort}`), days: s.personDays, benefit: t(`roadmap.level.${s.benefit}`) })}</Text>
                    </Group>
                    <Text size="sm"><strong>{t('roadmap.suggestions.why')}</strong> {localized(s.reason)}</Text>
                    {s.dependsOn.length > 0 && <Text size="sm" c="dimmed">{t('roadmap.suggestions.needs', { list: s.dependsOn.map((d) => titles.get(d) ?? d).join(', ') })}</Text>}
                    {s.funding.length > 0 && <Text size="sm" c="dimmed">{t('roadmap.suggestions.funding', { list: s.funding.map((f) => f.name).join(', ') })}</Text>}
                  </Stack>
                  {inPlan ? (
                    <Badge color="green" size="lg" variant="light">{t('roadmap.suggestions.inPlan', { status: t(`roadmap.status.${s.planItem!.status}`) })}</Badge>
                  ) : mayPlan ? (
                    <Button size="md" onClick={() => accept.mutate([s.id])} disabled={accept.isPending} aria-label={`${t('roadmap.suggestions.accept')}: ${localized(s.title)}`}>
                      {t('roadmap.suggestions.accept')}
                    </Button>
                  ) : null}
                </Group>
              </Card>
            );
          })}
          <ModuleSuggestions companyId={company.id} list={fromModules} mayPlan={mayPlan} />
          {inPlanCount > 0 && (
            <NextStep title={t('roadmap.nextStep.toPlan.title')} text={t('roadmap.nextStep.toPlan.text')} to={`/c/${company.id}/roadmap/plan`} action={t('roadmap.nextStep.toPlan.action')} testId="suggestions-next-step" />
          )}
        </Stack>
      )}
    </>
  );
}
