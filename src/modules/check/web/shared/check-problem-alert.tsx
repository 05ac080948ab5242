import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../web/api/client';
import { ProblemAlert } from '../../../../web/components/problem-alert';

interface Props {
  error: unknown;
  /** Question text for an `answers.<itemId>` error path. */
  itemText?: (itemId: string) => string | undefined;
}

/** The platform's problem alert, with the Digital-Check's own error codes and answer paths translated. */
export function CheckProblemAlert({ error, itemText }: Props) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  if (error instanceof ApiError && i18n.exists(`check.errors.${error.code}`)) {
    return <Alert color="red" role="alert" title={t(`check.errors.${error.code}`)} data-testid="problem" />;
  }
  const answerErrors = error instanceof ApiError ? error.errors.filter((e) => e.path.startsWith('answers.')) : [];
  if (itemText && answerErrors.length > 0) {
    return (
      <Alert color="red" role="alert" title={t('check.errors.invalidAnswer')} data-testid="problem" mt="sm">
        <List size="sm">
          {answerErrors.map((e) => <List.Item key={e.path}>{itemText(e.path.slice('answers.'.length)) ?? e.path}</List.Item>)}
        </List>
      </Alert>
    );
  }
  return <ProblemAlert error={error} />;
}
