import '../load-translations';
import { Alert, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading } from '../../../../web/components/loading';
import { PageHeader } from '../../../../web/components/page-header';
import { useFormat } from '../../../../web/i18n/format';
import { useCompany } from '../../../../web/layout/app-layout';
import { useQuestionnaire, useRun } from '../api';
import { CheckProblemAlert } from '../shared/check-problem-alert';
import { CheckWizard } from '../wizard/check-wizard';

export default function CheckAnswerPage() {
  const { t } = useTranslation();
  const { localized } = useFormat();
  const company = useCompany();
  const { checkId } = useParams();
  const questionnaire = useQuestionnaire(company.id);
  const run = useRun(company.id, checkId);
  const base = `/c/${company.id}/check`;
  const error = questionnaire.error ?? run.error;
  if (error) return <CheckProblemAlert error={error} />;
  if (!questionnaire.data || !run.data) return <Loading />;
  return (
    <>
      <PageHeader title={localized(questionnaire.data.title)} />
      {run.data.status === 'completed' ? (
        <Alert title={t('check.wizard.completedAlready')}>
          <Group mt="sm">
            <Button component={Link} to={`${base}/${run.data.id}/results`}>{t('check.wizard.toResults')}</Button>
            <Button component={Link} to={base} variant="default">{t('check.wizard.backHome')}</Button>
          </Group>
        </Alert>
      ) : (
        // Keyed by run so a fresh set of answers starts a fresh wizard.
        <CheckWizard key={run.data.id} companyId={company.id} questionnaire={questionnaire.data} run={run.data} canComplete={company.permissions.includes('check.manage')} />
      )}
    </>
  );
}
