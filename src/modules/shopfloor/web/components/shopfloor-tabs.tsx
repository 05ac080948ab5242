import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useCompany } from '../../../../web/layout/app-layout';
import '../master-data/load-translations';

const TABS = [
  { path: '', key: 'orders' },
  { path: '/work-centres', key: 'workCentres' },
  { path: '/parts', key: 'parts' },
] as const;

/** Switches between the order list and the master-data pages of the shop floor. */
export function ShopfloorTabs() {
  const { t } = useTranslation();
  const company = useCompany();
  const { pathname } = useLocation();
  const base = `/c/${company.id}/shopfloor`;
  const current = TABS.slice().reverse().find((tab) => tab.path !== '' && pathname.startsWith(base + tab.path))?.path ?? '';
  return (
    <Group component="nav" aria-label={t('shopfloorMasterData.tabs.label')} gap="xs" mb="md" data-testid="shopfloor-tabs">
      {TABS.map((tab) => {
        const active = tab.path === current;
        return (
          <Button key={tab.key} component={Link} to={base + tab.path} size="md" variant={active ? 'filled' : 'default'} aria-current={active ? 'page' : undefined}>
            {t(`shopfloorMasterData.tabs.${tab.key}`)}
          </Button>
        );
      })}
    </Group>
  );
}
