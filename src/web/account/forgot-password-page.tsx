import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { get, post } from '../api/client';
import { Loading } from '../components/loading';
import { ProblemAlert } from '../components/problem-alert';
import { AuthCard } from '../pages/auth-card';
import './translations';

/** "Forgot password": asks for the address and says the same whether or not it has an account. */
export function ForgotPasswordPage() {
  const { t, i18n } = useTranslation();
  const [email, setEmail] = useState('');
  const available = useQuery({ queryKey: ['password-reset'], queryFn: () => get<{ byMail: boolean }>('/auth/password-reset') });
  const send = useMutation({ mutationFn: () => post('/auth/password-reset', { email, locale: i18n.language === 'en' ? 'en' : 'de' }) });
  const back = <Anchor component={Link} to="/signin" size="sm">{t('account.forgot.back')}</Anchor>;
  if (available.isLoading) return <Loading />;
  if (available.data && !available.data.byMail) {
    return (
      <AuthCard title={t('account.forgot.title')}>
        <Alert color="yellow" role="status">{t('account.forgot.noMail')}</Alert>
        {back}
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t('account.forgot.title')}>
      {send.isSuccess ? (
        <Alert color="green" role="status">{t('account.forgot.sent')}</Alert>
      ) : (
        <form onSubmit={(e) => { e.preventDefault(); send.mutate(); }}>
          <Stack>
            <Text>{t('account.forgot.intro')}</Text>
            <ProblemAlert error={send.error} />
            <TextInput label={t('auth.email')} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
            <Button type="submit" loading={send.isPending} size="md">{t('account.forgot.submit')}</Button>
          </Stack>
        </form>
      )}
      {back}
    </AuthCard>
  );
}
