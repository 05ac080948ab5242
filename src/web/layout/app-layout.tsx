import { Anchor, AppShell, Box, Burger, Group, Menu, NavLink, ScrollArea, Select, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { post, setCsrfToken } from '../api/client';
import { ME_KEY, type MeCompany, useMe } from '../api/me';
import { useFormat } from '../i18n/format';
import { setLanguage } from '../i18n/i18n';
import { LanguageSwitch } from './language-switch';
import { NewCompanyModal } from './new-company-modal';
import { Loading } from '../components/loading';
import { clearTerminalData } from '../pwa/service-worker-client';
import { terminalPath } from '../pages/terminal-sign-in-page';
import '../account/translations';

const PLATFORM_PAGES: Array<{ path: string; key: string; permission: string }> = [
  { path: '', key: 'nav.overview', permission: 'company.read' },
  { path: 'profile', key: 'nav.profile', permission: 'company.read' },
  { path: 'members', key: 'nav.members', permission: 'members.read' },
  { path: 'modules', key: 'nav.modules', permission: 'company.read' },
  { path: 'audit', key: 'nav.audit', permission: 'audit.read' },
  { path: 'export', key: 'nav.export', permission: 'export.download' },
  { path: 'health', key: 'nav.health', permission: 'health.read' },
];

/** Company context for pages below /c/:companyId. */
export function useCompany(): MeCompany {
  const { companyId } = useParams();
  const { data: me } = useMe();
  const company = me?.companies.find((c) => c.id === companyId);
  if (!company) throw new Error('useCompany outside a company route');
  return company;
}

export function AppLayout() {
  const { t, i18n } = useTranslation();
  const { localized } = useFormat();
  const { data: me, isLoading } = useMe();
  const { companyId } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [opened, { toggle, close }] = useDisclosure();
  const [creating, creatingControls] = useDisclosure();

  useEffect(() => {
    if (me && me.user.locale !== i18n.language) void setLanguage(me.user.locale);
  }, [me?.user.locale]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(close, [location.pathname]); // eslint-disable-line react-hooks/exhaustive-deps

  if (isLoading) return <Loading />;
  if (!me) return <Navigate to="/signin" replace />;
  const company = me.companies.find((c) => c.id === companyId);
  if (!company) return <Navigate to={me.companies[0] ? `/c/${me.companies[0].id}` : '/signin'} replace />;

  const base = `/c/${company.id}`;
  const current = location.pathname.replace(/\/$/, '');
  // A PIN session on a shared terminal is for booking: it sees the terminal, full width, and nothing else.
  const terminal = me.terminal ? terminalPath(company.id) : null;
  if (terminal && current !== terminal) return <Navigate to={terminal} replace />;
  // the company requires a second factor the person has not set up yet: lead them to set it up
  if (!terminal && company.requireTotp && !me.user.totpEnabled && current !== `${base}/account`) return <Navigate to={`${base}/account`} replace />;
  const signOut = async () => {
    await post('/auth/logout');
    setCsrfToken(undefined);
    await clearTerminalData();
    queryClient.clear();
    queryClient.setQueryData(ME_KEY, null);
    navigate(me.terminal ? '/terminal' : '/signin');
  };

  return (
    <AppShell header={{ height: 60 }} navbar={terminal ? undefined : { width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <Anchor href="#main" className="skip-link">{t('nav.skipToContent')}</Anchor>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            {!terminal && <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggleNavigation')} />}
            <Text fw={700} size="lg" c="werkblau.8" component={Link} to={base}>{t('common.appName')}</Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {!terminal && <Select
              aria-label={t('nav.company')}
              data-testid="company-switch"
              w={{ base: 150, sm: 240 }}
              value={company.id}
              allowDeselect={false}
              data={me.companies.map((c) => ({ value: c.id, label: c.name }))}
              onChange={(id) => id && navigate(`/c/${id}`)}
            />}
            <LanguageSwitch signedIn />
            <Menu position="bottom-end">
              <Menu.Target>
                <UnstyledButton aria-label={me.user.name} className="user-button">
                  <Text size="sm" fw={500} visibleFrom="md">{me.user.name}</Text>
                  <Text size="sm" fw={500} hiddenFrom="md" aria-hidden>{me.user.name.split(' ').map((p) => p[0]).join('')}</Text>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                {me.user.email && <Menu.Label>{me.user.email}</Menu.Label>}
                {!me.terminal && <Menu.Item component={Link} to={`${base}/account`}>{t('account.menu')}</Menu.Item>}
                {!me.terminal && <Menu.Item onClick={creatingControls.open}>{t('nav.newCompany')}</Menu.Item>}
                <Menu.Item onClick={signOut}>{t('nav.signOut')}</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      {!terminal && <AppShell.Navbar p="sm" aria-label={t('nav.mainNavigation')}>
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
      </AppShell.Navbar>}
      <NewCompanyModal opened={creating} onClose={creatingControls.close} />
      <AppShell.Main id="main" tabIndex={-1}>
        <Box maw={1200}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
