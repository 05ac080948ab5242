import { Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { post } from '../api/client';
import { ME_KEY, type Me } from '../api/me';
import { ProblemAlert } from '../components/problem-alert';
import { AuthCard } from './auth-card';
import { type SecondFactorChallenge, SecondFactorStep, isChallenge } from '../account/second-factor-step';

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [challenge, setChallenge] = useState<string | null>(null);
  const signedIn = (me: Me) => {
    queryClient.setQueryData(ME_KEY, me);
    const next = params.get('next');
    navigate(next && next.startsWith('/') ? next : me.companies[0] ? `/c/${me.companies[0].id}` : '/');
  };
  const login = useMutation({
    mutationFn: () => post<Me | SecondFactorChallenge>('/auth/login', { email, password }),
    onSuccess: (answer) => (isChallenge(answer) ? setChallenge(answer.challenge) : signedIn(answer)),
  });
  if (challenge) {
    return (
      <AuthCard title={t('account.signIn.title')}>
        <SecondFactorStep challenge={challenge} onSignedIn={signedIn} onCancel={() => { setChallenge(null); setPassword(''); login.reset(); }} />
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t('auth.signInTitle')}>
      <form onSubmit={(e) => { e.preventDefault(); login.mutate(); }}>
        <Stack>
          <ProblemAlert error={login.error} />
          <TextInput label={t('auth.email')} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
          <PasswordInput label={t('auth.password')} autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
          <Button type="submit" loading={login.isPending} size="md">{t('auth.signIn')}</Button>
          <Anchor component={Link} to="/forgot-password" size="sm">{t('account.forgot.link')}</Anchor>
          <Anchor component={Link} to="/signup" size="sm">{t('auth.noAccount')}</Anchor>
        </Stack>
      </form>
    </AuthCard>
  );
}
