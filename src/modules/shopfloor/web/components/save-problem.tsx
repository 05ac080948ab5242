import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../web/api/client';
import { ProblemAlert } from '../../../../web/components/problem-alert';

/**
 * The answer to a failed save: the translated problem and a pointer to the marked fields (the
 * field messages themselves are shown at the fields), or the hints found before sending.
 */
export function SaveProblem({ error, hintCount }: { error: unknown; hintCount: number }) {
  const { t, i18n } = useTranslation();
  if (error instanceof ApiError && (error.errors.length > 0 || error.code === 'shopfloor_duplicate')) {
    const title = i18n.exists(`errors.${error.code}`) ? t(`errors.${error.code}`, { value: String(error.body.value ?? ''), what: '' }) : error.title;
    return (
      <Alert color="red" role="alert" title={error.code === 'shopfloor_duplicate' ? t('shopfloorMasterData.errors.duplicate') : title} data-testid="problem">
        {t('shopfloorMasterData.form.checkMarked')}
      </Alert>
    );
  }
  if (error) return <ProblemAlert error={error} />;
  if (hintCount > 0) {
    return (
      <Alert color="red" role="alert" title={t('shopfloorMasterData.form.hints', { count: hintCount })} data-testid="problem">
        {t('shopfloorMasterData.form.checkMarked')}
      </Alert>
    );
  }
  return null;
}
