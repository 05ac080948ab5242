import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { post } from '../api/client';
import { ME_KEY, type Me } from '../api/me';
import { ProblemAlert, fieldError } from '../components/problem-alert';
import { AuthCard } from './auth-card';

export function SignUpPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ company: '', name: '', email: '', password: '' });
  const set = (key: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [key]: e.currentTarget.value });
  const signup = useMutation({
    mutationFn: () =>
      post<Me>('/auth/signup', {
        company: { name: form.company },
        user: { name: form.name, email: form.email, password: form.password },
        locale: i18n.language === 'en' ? 'en' : 'de',
      }),
    onSuccess: (me) => {
      queryClient.setQueryData(ME_KEY, me);
      navigate(`/c/${me.companies[0].id}/profile`);
    },
  });
  const err = (path: string) => fieldError(signup.error, path, t);
  return (
    <AuthCard title={t('auth.signUpTitle')}>
      <Text size="sm" c="dimmed">{t('auth.signUpIntro')}</Text>
      <form onSubmit={(e) => { e.preventDefault(); signup.mutate(); }} noValidate>
        <Stack>
          <ProblemAlert error={signup.error} />
          <TextInput label={t('auth.companyName')} required value={form.company} onChange={set('company')} error={err('body.company.name')} />
          <TextInput label={t('auth.name')} required autoComplete="name" value={form.name} onChange={set('name')} error={err('body.user.name')} />
          <TextInput label={t('auth.email')} type="email" required autoComplete="email" value={form.email} onChange={set('email')} error={err('body.user.email')} />
          <PasswordInput label={t('auth.password')} description={t('auth.passwordHint')} required autoComplete="new-password" value={form.password} onChange={set('password')} error={err('body.user.password')} />
          <Button type="submit" loading={signup.isPending} size="md">{t('auth.signUp')}</Button>
          <Anchor component={Link} to="/signin" size="sm">{t('auth.haveAccount')}</Anchor>
        </Stack>
      </form>
    </AuthCard>
  );
}
