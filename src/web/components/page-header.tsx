import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { PageHelpButton } from '../help/page-help-button';

/** Title and intro of a page, with the help on this page that its route declares. */
export function PageHeader({ title, intro, children }: { title: string; intro?: ReactNode; children?: ReactNode }) {
  return (
    <Stack gap={4} mb="lg">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Title order={1} size="h2">{title}</Title>
        <PageHelpButton page={title} />
      </Group>
      {intro && <Text c="dimmed" maw={760}>{intro}</Text>}
      {children}
    </Stack>
  );
}
