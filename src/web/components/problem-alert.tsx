import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/** Shows an API error in the user's language, with the fields to fix. */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const problem = error instanceof ApiError ? error : new ApiError(0, 'internal', String(error));
  const params = Object.fromEntries(Object.entries(problem.body).filter(([, v]) => typeof v === 'string' || typeof v === 'number'));
  if (Array.isArray(problem.body.modules)) params.modules = (problem.body.modules as string[]).join(', ');
  const message = i18n.exists(`errors.${problem.code}`) ? t(`errors.${problem.code}`, params) : problem.title;
  return (
    <Alert color="red" role="alert" title={message} data-testid="problem">
      {problem.errors.length > 0 && (
        <>
          {t('fieldErrors.title')}
          <List size="sm">
            {problem.errors.map((e) => (
              <List.Item key={e.path + e.message}>{i18n.exists(`fields.${e.path}`) ? t(`fields.${e.path}`) : e.path}</List.Item>
            ))}
          </List>
        </>
      )}
    </Alert>
  );
}

/** Field-level message for a form input, from an API validation error. */
export function fieldError(error: unknown, path: string, t: (key: string) => string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const hit = error.errors.find((e) => e.path === path || e.path.startsWith(`${path}.`));
  return hit ? t(`fields.${path}`) : undefined;
}
