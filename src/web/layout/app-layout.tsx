import { Anchor, AppShell, Box, Burger, Group, Menu, Select, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { post, setCsrfToken } from '../api/client';
import { ME_KEY, type MeCompany, useMe } from '../api/me';
import { setLanguage } from '../i18n/i18n';
import { HeaderSearch } from './header-search';
import { LanguageSwitch } from './language-switch';
import { MAIN_NAVIGATION_ID, MainNavigation } from './main-navigation';
import { NewCompanyModal } from './new-company-modal';
import { NotificationBell } from './notification-bell';
import { Loading } from '../components/loading';
import { clearTerminalData } from '../pwa/service-worker-client';
import { terminalPath } from '../pages/terminal-sign-in-page';
import '../account/translations';

/** Mantine's `md` (62em, 992 px): a 10-inch tablet in portrait (800 px) gets the whole width for the page. */
const NAVBAR_BREAKPOINT = 'md';
const NAVBAR_BREAKPOINT_EM = 62;

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
  const { data: me, isLoading } = useMe();
  const { companyId } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [opened, { toggle, close }] = useDisclosure();
  const [creating, creatingControls] = useDisclosure();
  // below this width (tablets in portrait) the navigation is a panel behind the burger
  const wide = useMediaQuery(`(min-width: ${NAVBAR_BREAKPOINT_EM}em)`, true, { getInitialValueInEffect: false });
  const burger = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (me && me.user.locale !== i18n.language) void setLanguage(me.user.locale);
  }, [me?.user.locale]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    // a page chosen in the panel: the panel closes and the keyboard goes on in the page
    if (opened) document.getElementById('main')?.focus();
    close();
  }, [location.pathname]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    // opened: the keyboard continues in the panel, at the page being shown
    if (opened && !wide) document.querySelector<HTMLElement>(`#${MAIN_NAVIGATION_ID} [aria-current="page"], #${MAIN_NAVIGATION_ID} a`)?.focus();
  }, [opened]); // eslint-disable-line react-hooks/exhaustive-deps

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

  const closeOnEscape = (e: React.KeyboardEvent) => {
    if (e.key !== 'Escape' || wide || !opened) return;
    close();
    burger.current?.focus();
  };

  return (
    <AppShell header={{ height: 60 }} navbar={terminal ? undefined : { width: 260, breakpoint: NAVBAR_BREAKPOINT, collapsed: { mobile: !opened } }} padding="lg">
      <Anchor href="#main" className="skip-link">{t('nav.skipToContent')}</Anchor>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            {!terminal && <Burger ref={burger} opened={opened} onClick={toggle} hiddenFrom={NAVBAR_BREAKPOINT} size="sm" aria-label={t('nav.toggleNavigation')} aria-expanded={opened} aria-controls={MAIN_NAVIGATION_ID} />}
            <Text fw={700} size="lg" c="werkblau.8" component={Link} to={base}>{t('common.appName')}</Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {!terminal && <HeaderSearch companyId={company.id} compact={!wide} />}
            {!terminal && <NotificationBell companyId={company.id} />}
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
      {!terminal && <MainNavigation company={company} current={current} hidden={!wide && !opened} onKeyDown={closeOnEscape} />}
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
