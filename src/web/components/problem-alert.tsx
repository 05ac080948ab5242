import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { fieldReason } from './field-reason';

/** "Label: what is wrong" — the reason from the API's message when it is a known one. */
function describeField(path: string, message: string, t: (key: string, values?: Record<string, string>) => string, known: (key: string) => boolean): string {
  const label = known(`fields.${path}`) ? t(`fields.${path}`) : path;
  const reason = fieldReason(message);
  return reason ? `${label}: ${t(reason.key, reason.values)}` : label;
}

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
              <List.Item key={e.path + e.message}>{describeField(e.path, e.message, t, (k) => i18n.exists(k))}</List.Item>
            ))}
          </List>
        </>
      )}
    </Alert>
  );
}

/** Field-level message for a form input, from an API validation error. */
export function fieldError(error: unknown, path: string, t: (key: string, values?: Record<string, string>) => string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const hit = error.errors.find((e) => e.path === path || e.path.startsWith(`${path}.`));
  if (!hit) return undefined;
  const reason = fieldReason(hit.message);
  return reason ? `${t(`fields.${path}`)}: ${t(reason.key, reason.values)}` : t(`fields.${path}`);
}
