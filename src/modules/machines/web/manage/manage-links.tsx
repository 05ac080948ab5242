import '../load-manage-translations';
import '../load-sources-translations';
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Links from the machine overview to setting up machines and notifications. */
export function ManageLinks({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" mt="xs">
      <Button component={Link} to={`/c/${companyId}/machines/manage`} variant="light" size="sm">{t('machinesManage.links.machines')}</Button>
      <Button component={Link} to={`/c/${companyId}/machines/notifications`} variant="subtle" size="sm">{t('machinesManage.links.notifications')}</Button>
      <Button component={Link} to={`/c/${companyId}/machines/connections`} variant="subtle" size="sm">{t('machinesSources.links.connections')}</Button>
    </Group>
  );
}
