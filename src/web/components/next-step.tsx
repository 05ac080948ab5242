import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * The end of a page on the first-hour path: what comes next, why, and the button to go there.
 */
export function NextStep({ title, text, to, action, testId }: { title: string; text: string; to: string; action: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" radius="md" bg="var(--mantine-color-werkblau-light)" data-testid={testId ?? 'next-step'} component="section" aria-label={t('nextStep.label')}>
      <Stack gap="xs">
        <Text size="sm" fw={600} c="werkblau.8" tt="uppercase">{t('nextStep.label')}</Text>
        <Title order={2} size="h3">{title}</Title>
        <Text maw={760}>{text}</Text>
        <Group mt="xs"><Button component={Link} to={to} size="md">{action}</Button></Group>
      </Stack>
    </Paper>
  );
}
