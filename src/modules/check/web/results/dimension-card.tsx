import { Accordion, Badge, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../web/i18n/format';
import type { DimensionScore } from '../../domain/dimension-score';
import type { Item } from '../../domain/questionnaire-schema';
import { ContributionsTable } from './contributions-table';

/** One dimension: score and level, what they mean, what the next level is, and what moved the score. */
export function DimensionCard({ d, items }: { d: DimensionScore; items: ReadonlyMap<string, Item> }) {
  const { t } = useTranslation();
  const { localized, number } = useFormat();
  return (
    <Card withBorder padding="lg" data-testid={`dimension-${d.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={3} size="h4">{localized(d.name)}</Title>
          {d.score !== null && <Badge size="lg" variant="light" color="werkblau" style={{ flexShrink: 0 }}>{t('check.results.levelValue', { level: d.level })}</Badge>}
        </Group>
        {d.score === null ? (
          <>
            <Text fw={600}>{t('check.results.notEnough')}</Text>
            <Text size="sm" c="dimmed">{t('check.results.notEnoughText', { answered: d.answered, applicable: d.applicable })}</Text>
          </>
        ) : (
          <>
            <Group gap="sm" align="center" wrap="nowrap">
              <Text fz={28} fw={700} lh={1}>{number(d.score)}</Text>
              <Progress value={d.score} size="lg" radius="xl" style={{ flex: 1 }} aria-label={`${localized(d.name)}: ${t('check.results.scoreOf', { score: number(d.score) })}`} />
            </Group>
            {d.levelDescription && (
              <Text size="sm"><Text span fw={600} size="sm">{t('check.results.levelNow')}: </Text>{localized(d.levelDescription)}</Text>
            )}
            <Text size="sm">
              <Text span fw={600} size="sm">{t('check.results.levelNext')}: </Text>
              {d.nextLevelDescription ? localized(d.nextLevelDescription) : t('check.results.topLevel')}
            </Text>
          </>
        )}
        <Accordion variant="contained" chevronPosition="right">
          <Accordion.Item value="contributions">
            <Accordion.Control>{t('check.results.contributionsTitle')}</Accordion.Control>
            <Accordion.Panel>
              <Text size="sm" c="dimmed" mb="xs">{t('check.results.contributionsIntro')}</Text>
              {d.contributions.length > 0 ? <ContributionsTable contributions={d.contributions} items={items} /> : <Text size="sm">{t('check.results.noContributions')}</Text>}
              {d.openItems.length > 0 && <Text size="sm" c="dimmed" mt="xs">{t('check.results.openItems', { count: d.openItems.length })}</Text>}
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      </Stack>
    </Card>
  );
}
