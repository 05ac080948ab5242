import { Card, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** One of the study's classifications: the value, what it means for the firm, and the rule. */
export function ClassificationCard({ testId, label, value, meaning, rule, children }: { testId: string; label: string; value: string; meaning: string; rule: string; children?: ReactNode }) {
  return (
    <Card withBorder padding="lg" data-testid={testId}>
      <Stack gap="xs">
        <Title order={3} size="h5" c="dimmed" fw={600}>{label}</Title>
        <Text fz={22} fw={700} lh={1.25} c="werkblau.8">{value}</Text>
        <Text size="sm">{meaning}</Text>
        {children}
        <Text size="xs" c="dimmed">{rule}</Text>
      </Stack>
    </Card>
  );
}
