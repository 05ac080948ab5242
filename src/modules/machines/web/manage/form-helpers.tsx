import { Alert } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../web/api/client';
import { ProblemAlert } from '../../../../web/components/problem-alert';

/** The translated message for one form field if the API refused it (`path` as in the error, e.g. `body.rule.limit`). */
export function fieldMessage(t: TFunction, error: unknown, path: string, key: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const hit = error.errors.some((e) => e.path === path || e.path.startsWith(`${path}.`));
  return hit ? t(`machinesManage.fieldErrors.${key}`) : undefined;
}

/** Above a form: for refused input a short hint (the fields say what is wrong), otherwise the problem itself. */
export function FormProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (error instanceof ApiError && error.code === 'validation') {
    return <Alert styles={darkTitle('red')} color="red" role="alert" title={t('errors.validation')} data-testid="problem">{t('machinesManage.keptInput')}</Alert>;
  }
  return <ProblemAlert error={error} />;
}

/** A number field's value for the API: numbers stay, empty or unparsable text becomes NaN (refused by the server). */
export const toNumber = (v: string | number): number => (typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v.replace(',', '.')));

/** Alert titles in the darkest shade: the default light shade misses the 4.5:1 contrast on the tinted background. */
export const darkTitle = (color: string) => ({ title: { color: `var(--mantine-color-${color}-9)` } });
