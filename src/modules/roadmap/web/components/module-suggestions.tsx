import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../../web/components/problem-alert';
import { useFormat } from '../../../../web/i18n/format';
import type { ModuleSuggestionView } from '../../schemas';
import { useAcceptSuggestion } from '../api';

/** Measures other modules suggest (e.g. the IT-security check's gaps), each taken into the plan in one step. */
export function ModuleSuggestions({ companyId, list, mayPlan }: { companyId: string; list: ModuleSuggestionView[]; mayPlan: boolean }) {
  const { t } = useTranslation();
  const { localized } = useFormat();
  const accept = useAcceptSuggestion(companyId);
  if (list.length === 0) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="module-suggestions" data-testid="module-suggestions">
      <Title order={2} size="h3" id="module-suggestions">{t('roadmap.suggestions.fromModules')}</Title>
      <Text size="sm" c="dimmed">{t('roadmap.suggestions.fromModulesIntro')}</Text>
      <ProblemAlert error={accept.error} />
      {list.map((s) => {
        const inPlan = s.planItem && s.planItem.status !== 'dropped';
        return (
          <Card key={s.ref} withBorder padding="md" data-testid="module-suggestion">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap={4} style={{ flex: 1 }}>
                <Title order={3} size="h4">{localized(s.title)}</Title>
                <Group gap="xs">
                  <Badge variant="filled" color="#495057" tt="none">{t('roadmap.suggestions.source', { source: localized(s.source) })}</Badge>
                  <Text size="sm" c="dimmed">{t('roadmap.suggestions.effort', { effort: t(`roadmap.level.${s.effort}`) })}</Text>
                </Group>
                <Text size="sm">{localized(s.description)}</Text>
                <Text size="sm"><strong>{t('roadmap.suggestions.why')}</strong> {localized(s.reason)}</Text>
              </Stack>
              {inPlan ? (
                <Badge color="#237032" size="lg" variant="filled" tt="none">{t('roadmap.suggestions.inPlan', { status: t(`roadmap.status.${s.planItem!.status}`) })}</Badge>
              ) : mayPlan ? (
                <Button size="md" onClick={() => accept.mutate(s.ref)} disabled={accept.isPending} aria-label={`${t('roadmap.suggestions.accept')}: ${localized(s.title)}`}>
                  {t('roadmap.suggestions.accept')}
                </Button>
              ) : null}
            </Group>
          </Card>
        );
      })}
    </Stack>
  );
}
