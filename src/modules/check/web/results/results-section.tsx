import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function ResultsSection({ title, intro, children, testId }: { title: string; intro?: string; children: ReactNode; testId?: string }) {
  return (
    <Stack component="section" gap="md" data-testid={testId}>
      <div>
        <Title order={2} size="h3">{title}</Title>
        {intro && <Text size="sm" c="dimmed" maw={760}>{intro}</Text>}
      </div>
      {children}
    </Stack>
  );
}
