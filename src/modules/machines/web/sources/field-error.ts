import type React from 'react';
import type { TFunction } from 'i18next';
import { ApiError } from '../../../../web/api/client';

/** The translated message for a form field the API refused (`path` as in the error, e.g. `body.topic`). */
export function sourceFieldError(t: TFunction, error: unknown, path: string, key: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const hit = error.errors.some((e) => e.path === path || e.path.startsWith(`${path}.`));
  return hit ? t(`machinesSources.fieldErrors.${key}`) : undefined;
}

/** Mantine's error red is below WCAG AA contrast on white as text; a darker shade is not. */
export const ACCESSIBLE_ERRORS = { '--mantine-color-error': 'var(--mantine-color-red-9)' } as React.CSSProperties;
