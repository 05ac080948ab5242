import '../load-translations';
import { Box, Grid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../../web/components/loading';
import { NextStep } from '../../../../web/components/next-step';
import { PageHeader } from '../../../../web/components/page-header';
import { useCompany } from '../../../../web/layout/app-layout';
import { useRuns } from '../api';
import { CompletedChecks } from '../home/completed-checks';
import { InviteHint } from '../home/invite-hint';
import { OpenCheckCard } from '../home/open-check-card';
import { PeerOptInCard } from '../home/peer-opt-in-card';
import { StartCheckCard } from '../home/start-check-card';
import { CheckProblemAlert } from '../shared/check-problem-alert';

export default function CheckHomePage() {
  const { t } = useTranslation();
  const company = useCompany();
  const runs = useRuns(company.id);
  const can = (p: string) => company.permissions.includes(p);
  if (runs.error) return <CheckProblemAlert error={runs.error} />;
  if (!runs.data) return <Loading />;
  const open = runs.data.find((r) => r.status === 'open');
  const completed = runs.data.filter((r) => r.status === 'completed');
  const roadmapOn = can('roadmap.read') && company.modules.some((m) => m.id === 'roadmap' && m.enabled);
  return (
    <>
      <PageHeader title={t('check.title')} intro={t('check.home.intro')} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            {open && <OpenCheckCard companyId={company.id} run={open} canAnswer={can('check.answer')} />}
            <StartCheckCard companyId={company.id} canStart={can('check.manage')} hasOpen={open !== undefined} />
            <CompletedChecks companyId={company.id} runs={completed} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            {can('members.manage') && <InviteHint companyId={company.id} />}
            {can('check.settings') && <PeerOptInCard companyId={company.id} />}
          </Stack>
        </Grid.Col>
      </Grid>
      {/* with a finished check and none under way, the way on leads into the Roadmap */}
      {!open && completed.length > 0 && roadmapOn && (
        <Box mt="xl">
          <NextStep title={t('check.nextStep.title')} text={t('check.nextStep.text')} to={`/c/${company.id}/roadmap`} action={t('check.nextStep.action')} testId="check-home-next-step" />
        </Box>
      )}
    </>
  );
}
