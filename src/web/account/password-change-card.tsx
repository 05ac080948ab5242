import { Alert, Button, Group, Paper, PasswordInput, Stack, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../api/client';
import { ProblemAlert, fieldError } from '../components/problem-alert';

/** Change the password with the current one; every other sign-in ends. */
export function PasswordChangeCard() {
  const { t } = useTranslation();
  const [form, setForm] = useState({ currentPassword: '', newPassword: '' });
  const change = useMutation({
    mutationFn: () => post('/me/password', form),
    onSuccess: () => setForm({ currentPassword: '', newPassword: '' }),
  });
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="password-title">
      <form onSubmit={(e) => { e.preventDefault(); change.mutate(); }} noValidate>
        <Stack>
          <Title order={2} size="h4" id="password-title">{t('account.password.title')}</Title>
          <ProblemAlert error={change.error} />
          {change.isSuccess && <Alert color="green" role="status">{t('account.password.done')}</Alert>}
          <PasswordInput
            label={t('account.password.current')}
            autoComplete="current-password"
            required
            value={form.currentPassword}
            onChange={(e) => setForm({ ...form, currentPassword: e.currentTarget.value })}
            error={fieldError(change.error, 'body.currentPassword', t)}
          />
          <PasswordInput
            label={t('account.password.new')}
            description={t('account.password.hint')}
            autoComplete="new-password"
            required
            value={form.newPassword}
            onChange={(e) => setForm({ ...form, newPassword: e.currentTarget.value })}
            error={fieldError(change.error, 'body.newPassword', t)}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={change.isPending}>{t('account.password.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
