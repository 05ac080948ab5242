import '../load-translations';
import { Anchor, Group, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { PageHeader } from '../../../../web/components/page-header';
import { useCompany } from '../../../../web/layout/app-layout';
import { roadmapPath } from '../api';

const TABS = [['suggestions', ''], ['matrix', '/matrix'], ['plan', '/plan'], ['funding', '/funding'], ['progress', '/progress']] as const;

/** Title, downloads and the tabs shared by all roadmap pages. */
export function RoadmapHeader() {
  const { t, i18n } = useTranslation();
  const company = useCompany();
  const navigate = useNavigate();
  const location = useLocation();
  const base = `/c/${company.id}/roadmap`;
  const current = TABS.find(([, path]) => location.pathname.replace(/\/$/, '') === base + path)?.[0] ?? 'suggestions';
  const api = `/api/v1${roadmapPath(company.id)}`;
  const lang = i18n.language === 'en' ? 'en' : 'de';
  return (
    <>
      <PageHeader title={t('roadmap.title')} intro={t('roadmap.intro')}>
        <Group gap="lg" mt="xs">
          <Anchor href={`${api}/report.pdf?lang=${lang}`} download data-testid="report-link">{t('roadmap.report')}</Anchor>
          <Anchor href={`${api}/plan.csv?lang=${lang}`} download>{t('roadmap.exportCsv')}</Anchor>
          <Anchor href={`${api}/plan.xlsx?lang=${lang}`} download>{t('roadmap.exportXlsx')}</Anchor>
          <Anchor href={`${api}/plan.json`} download>{t('roadmap.exportJson')}</Anchor>
        </Group>
      </PageHeader>
      <Tabs value={current} onChange={(v) => navigate(base + (TABS.find(([id]) => id === v)?.[1] ?? ''))} mb="lg">
        <Tabs.List>
          {TABS.map(([id]) => <Tabs.Tab key={id} value={id} data-testid={`tab-${id}`}>{t(`roadmap.tabs.${id}`)}</Tabs.Tab>)}
        </Tabs.List>
      </Tabs>
    </>
  );
}
