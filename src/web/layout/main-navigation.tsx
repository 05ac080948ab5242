import { AppShell, NavLink, ScrollArea, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MeCompany } from '../api/me';
import { useFormat } from '../i18n/format';

const PLATFORM_PAGES: Array<{ path: string; key: string; permission: string }> = [
  { path: '', key: 'nav.overview', permission: 'company.read' },
  { path: 'profile', key: 'nav.profile', permission: 'company.read' },
  { path: 'members', key: 'nav.members', permission: 'members.read' },
  { path: 'modules', key: 'nav.modules', permission: 'company.read' },
  { path: 'audit', key: 'nav.audit', permission: 'audit.read' },
  { path: 'export', key: 'nav.export', permission: 'export.download' },
  { path: 'webhooks', key: 'nav.webhooks', permission: 'webhooks.manage' },
  { path: 'health', key: 'nav.health', permission: 'health.read' },
];

export const MAIN_NAVIGATION_ID = 'main-navigation';

/**
 * The side navigation: platform pages, then the switched-on modules' entries. Below the layout's
 * breakpoint it is a panel opened by the burger; while closed there it is `inert`, so neither the
 * keyboard nor a screen reader reaches links nobody can see.
 */
export function MainNavigation({ company, current, hidden, onKeyDown }: { company: MeCompany; current: string; hidden: boolean; onKeyDown: (e: React.KeyboardEvent) => void }) {
  const { t } = useTranslation();
  const { localized } = useFormat();
  const base = `/c/${company.id}`;
  return (
    <AppShell.Navbar p="sm" id={MAIN_NAVIGATION_ID} aria-label={t('nav.mainNavigation')} inert={hidden} onKeyDown={onKeyDown}>
      <ScrollArea>
        <Text size="xs" c="dimmed" fw={700} tt="uppercase" px="sm" mb={4}>{t('nav.platform')}</Text>
        {PLATFORM_PAGES.filter((p) => company.permissions.includes(p.permission)).map((p) => {
          const to = p.path ? `${base}/${p.path}` : base;
          return <NavLink key={p.key} component={Link} to={to} label={t(p.key)} active={current === to} aria-current={current === to ? 'page' : undefined} />;
        })}
        {company.navigation.length > 0 && (
          <Text size="xs" c="dimmed" fw={700} tt="uppercase" px="sm" mt="md" mb={4}>{t('nav.moduleSection')}</Text>
        )}
        {company.navigation.map((n) => {
          const to = `${base}${n.path}`;
          // the most specific entry wins (a module's page that has its own entry, e.g. /shopfloor/terminals)
          const matches = (path: string) => current === `${base}${path}` || current.startsWith(`${base}${path}/`);
          const active = matches(n.path) && !company.navigation.some((o) => o.path.length > n.path.length && matches(o.path));
          return <NavLink key={n.path} component={Link} to={to} label={localized(n.label)} active={active} aria-current={active ? 'page' : undefined} data-testid={`nav${n.path.replaceAll('/', '-')}`} />;
        })}
      </ScrollArea>
    </AppShell.Navbar>
  );
}
