import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../layout/language-switch';

/** The frame of the sign-in, sign-up and invitation pages. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Box w="100%" maw={460} component="main">
        <Group justify="space-between" mb="md">
          <Text fw={700} size="xl" c="werkblau.8">{t('common.appName')}</Text>
          <LanguageSwitch signedIn={false} />
        </Group>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <Stack>
            <Title order={1} size="h3">{title}</Title>
            {children}
          </Stack>
        </Paper>
        <Text size="sm" c="dimmed" ta="center" mt="md">{t('auth.tagline')}</Text>
      </Box>
    </Center>
  );
}
