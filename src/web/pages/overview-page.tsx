import { Alert, Anchor, Badge, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDashboard, useStartPathChoice, type DashboardView } from '../api/dashboard';
import { useMe } from '../api/me';
import { Loading } from '../components/loading';
import { PageHeader } from '../components/page-header';
import { ProblemAlert } from '../components/problem-alert';
import { useCompany } from '../layout/app-layout';
import { webModules } from '../web-modules';
import { DashboardTile, tileKey } from './overview/dashboard-tile';
import { StartPathCard, stepKey } from './overview/start-path-card';

/** Loads the translations of the modules that have something on the home page (their words live with them). */
function useModuleTranslations(view: DashboardView | undefined): boolean {
  const [loaded, setLoaded] = useState<string>('');
  const modules = view ? [...new Set([...view.tiles.map((t) => t.module), ...view.startPath.steps.map((s) => s.module), ...view.next.map((n) => n.module)])].sort().join(',') : '';
  useEffect(() => {
    if (!view) return;
    let live = true;
    const wanted = new Set(modules.split(','));
    void Promise.all(webModules.filter((m) => wanted.has(m.id) && m.loadTranslations).map((m) => m.loadTranslations!())).then(() => live && setLoaded(modules));
    return () => { live = false; };
  }, [modules, view]);
  return view !== undefined && loaded === modules;
}

/** Home: where everything stands — the start path while it is open, what to do next, one tile per module. */
export function OverviewPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const company = useCompany();
  const dashboard = useDashboard(company.id);
  const show = useStartPathChoice(company.id);
  const view = dashboard.data;
  const ready = useModuleTranslations(view);
  const base = `/c/${company.id}`;
  const pathOpen = view && view.startPath.steps.length > 0 && !view.startPath.complete;
  // while the start path is on screen its current step is not repeated below it
  const next = view ? view.next.filter((n) => n.kind !== 'startStep' || view.startPath.hidden) : [];

  return (
    <>
      <PageHeader title={t('overview.title', { name: me?.user.name ?? '' })} helpTitle={t('nav.overview')} intro={t('overview.intro', { company: company.name })}>
        <Group gap="xs"><Badge variant="light">{t('overview.yourRole', { role: t(`roles.${company.role}`) })}</Badge></Group>
      </PageHeader>
      {dashboard.error ? <ProblemAlert error={dashboard.error} /> : !view || !ready ? <Loading /> : (
        <Stack gap="lg">
          {pathOpen && !view.startPath.hidden && <StartPathCard companyId={company.id} base={base} path={view.startPath} />}
          {next.length > 0 && (
            <Card withBorder padding="lg" radius="md" data-testid="next-steps" component="section" aria-labelledby="next-steps-title">
              <Title order={2} size="h4" mb="xs" id="next-steps-title">{t('overview.next.title')}</Title>
              <List spacing="xs">
                {next.map((n) => (
                  <List.Item key={n.id}>
                    <Anchor component={Link} to={`${base}${n.link}`}>
                      {n.kind === 'startStep' ? t(`${stepKey(n)}.title`) : t(`${tileKey(n)}.next`, { count: n.count ?? 0 })}
                    </Anchor>
                  </List.Item>
                ))}
              </List>
            </Card>
          )}
          {view.tiles.length === 0 ? (
            <Alert>{t('overview.noTiles')}</Alert>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
              {view.tiles.map((tile) => <DashboardTile key={tile.id} tile={tile} base={base} />)}
            </SimpleGrid>
          )}
          {pathOpen && view.startPath.hidden && (
            <Text size="sm">
              {t('overview.startPath.hiddenNote')}{' '}
              <Button variant="subtle" size="compact-sm" onClick={() => show.mutate({ hidden: false })} loading={show.isPending}>{t('overview.startPath.show')}</Button>
            </Text>
          )}
        </Stack>
      )}
    </>
  );
}
