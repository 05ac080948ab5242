import { Alert, Anchor, Button, PasswordInput, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ApiError, post, setCsrfToken } from '../api/client';
import { ME_KEY } from '../api/me';
import { ProblemAlert, fieldError } from '../components/problem-alert';
import { AuthCard } from '../pages/auth-card';
import './translations';

/** Opens a reset link (`/reset-password#<token>`; the token never reaches server logs). */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { hash } = useLocation();
  const token = hash.replace(/^#/, '');
  const queryClient = useQueryClient();
  const [password, setPassword] = useState('');
  const reset = useMutation({
    mutationFn: () => post('/auth/password-reset/complete', { token, password }),
    onSuccess: () => {
      // every session of the person has ended, this browser's too
      setCsrfToken(undefined);
      queryClient.setQueryData(ME_KEY, null);
    },
  });
  const expired = reset.error instanceof ApiError && reset.error.code === 'reset_token_invalid';
  if (!token) {
    return (
      <AuthCard title={t('account.reset.title')}>
        <Alert color="yellow" role="status">{t('account.reset.missing')}</Alert>
        <Anchor component={Link} to="/forgot-password" size="sm">{t('account.reset.again')}</Anchor>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t('account.reset.title')}>
      {reset.isSuccess ? (
        <>
          <Alert color="green" role="status">{t('account.reset.done')}</Alert>
          <Button component={Link} to="/signin">{t('auth.signIn')}</Button>
        </>
      ) : (
        <form onSubmit={(e) => { e.preventDefault(); reset.mutate(); }} noValidate>
          <Stack>
            <ProblemAlert error={reset.error} />
            <PasswordInput
              label={t('account.reset.password')}
              description={t('auth.passwordHint')}
              autoComplete="new-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={fieldError(reset.error, 'body.password', t)}
            />
            <Button type="submit" loading={reset.isPending} size="md">{t('account.reset.submit')}</Button>
            {expired && <Anchor component={Link} to="/forgot-password" size="sm">{t('account.reset.again')}</Anchor>}
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
