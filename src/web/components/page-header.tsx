import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { PageHelpButton } from '../help/page-help-button';

/**
 * Title and intro of a page, with the help on this page that its route declares. `helpTitle` names
 * the page in the help where the title is no name of it (e.g. a greeting).
 */
export function PageHeader({ title, intro, helpTitle, children }: { title: string; intro?: ReactNode; helpTitle?: string; children?: ReactNode }) {
  return (
    <Stack gap={4} mb="lg">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Title order={1} size="h2">{title}</Title>
        <PageHelpButton page={helpTitle ?? title} />
      </Group>
      {intro && <Text c="dimmed" maw={760}>{intro}</Text>}
      {children}
    </Stack>
  );
}
