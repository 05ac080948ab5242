import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function InviteHint({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg">
      <Stack gap="sm" align="flex-start">
        <Title order={2} size="h4">{t('check.home.inviteTitle')}</Title>
        <Text size="sm">{t('check.home.inviteText')}</Text>
        <Button component={Link} to={`/c/${companyId}/members`} variant="light">{t('check.home.inviteLink')}</Button>
      </Stack>
    </Card>
  );
}
