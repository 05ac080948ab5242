import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../web/i18n/format';
import type { DimensionScore } from '../../domain/dimension-score';

function DimensionLine({ d, showNext }: { d: DimensionScore; showNext: boolean }) {
  const { t } = useTranslation();
  const { localized, number } = useFormat();
  return (
    <Stack gap={2}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text fw={600}>{localized(d.name)}</Text>
        <Group gap={6} wrap="nowrap">
          <Text fw={700}>{number(d.score!)}</Text>
          <Badge variant="light" color="werkblau" style={{ flexShrink: 0 }}>{t('check.results.levelValue', { level: d.level })}</Badge>
        </Group>
      </Group>
      {showNext && d.nextLevelDescription && <Text size="sm" c="dimmed">{localized(d.nextLevelDescription)}</Text>}
    </Stack>
  );
}

/** The best three and the weakest three scored dimensions. */
export function StrengthsGaps({ dimensions }: { dimensions: DimensionScore[] }) {
  const { t } = useTranslation();
  const scored = dimensions.filter((d) => d.score !== null).sort((a, b) => b.score! - a.score!);
  if (scored.length === 0) return null;
  const strengths = scored.slice(0, 3);
  const gaps = scored.slice(-3).reverse().filter((d) => !strengths.includes(d) || scored.length <= 3);
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <Card withBorder padding="lg" data-testid="strengths">
        <Title order={3} size="h4">{t('check.results.strengthsTitle')}</Title>
        <Text size="sm" c="dimmed" mb="sm">{t('check.results.strengthsIntro')}</Text>
        <Stack gap="sm">{strengths.map((d) => <DimensionLine key={d.id} d={d} showNext={false} />)}</Stack>
      </Card>
      <Card withBorder padding="lg" data-testid="gaps">
        <Title order={3} size="h4">{t('check.results.gapsTitle')}</Title>
        <Text size="sm" c="dimmed" mb="sm">{t('check.results.gapsIntro')}</Text>
        <Stack gap="sm">{gaps.map((d) => <DimensionLine key={d.id} d={d} showNext />)}</Stack>
      </Card>
    </SimpleGrid>
  );
}
