import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { post } from '../api/client';
import { ME_KEY, type Me, useMe } from '../api/me';
import { Loading } from '../components/loading';
import { ProblemAlert, fieldError } from '../components/problem-alert';
import { AuthCard } from './auth-card';

/** Opens an invitation link (`/invite#<token>`; the token never reaches server logs). */
export function InvitePage() {
  const { t } = useTranslation();
  const { hash } = useLocation();
  const token = hash.replace(/^#/, '');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: me, isLoading } = useMe();
  const [form, setForm] = useState({ name: '', email: '', password: '' });
  const lookup = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => post<{ companyName: string; role: string; email: string | null }>('/invitations/lookup', { token }),
    enabled: token.length > 0,
    retry: false,
  });
  const accept = useMutation({
    mutationFn: () => post<{ companyId: string; me: Me }>('/invitations/accept', me ? { token } : { token, user: form }),
    onSuccess: (result) => {
      queryClient.setQueryData(ME_KEY, result.me);
      navigate(`/c/${result.companyId}`);
    },
  });
  if (!token) return <AuthCard title={t('invite.title')}><Text>{t('invite.missing')}</Text></AuthCard>;
  if (lookup.isLoading || isLoading) return <Loading />;
  if (lookup.error) return <AuthCard title={t('invite.title')}><ProblemAlert error={lookup.error} /></AuthCard>;
  const info = lookup.data!;
  const err = (path: string) => fieldError(accept.error, path, t);
  return (
    <AuthCard title={t('invite.title')}>
      <Text>{t('invite.intro', { company: info.companyName, role: t(`roles.${info.role}`) })}</Text>
      <Text size="sm" c="dimmed">{t(`roleHints.${info.role}`)}</Text>
      <ProblemAlert error={accept.error} />
      {me ? (
        <Stack>
          <Text size="sm">{t('invite.signedInAs', { name: me.user.name, email: me.user.email })}</Text>
          <Button onClick={() => accept.mutate()} loading={accept.isPending}>{t('invite.accept')}</Button>
        </Stack>
      ) : (
        <form onSubmit={(e) => { e.preventDefault(); accept.mutate(); }} noValidate>
          <Stack>
            <TextInput label={t('auth.name')} required autoComplete="name" value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} error={err('body.user.name')} />
            <TextInput label={t('auth.email')} type="email" required autoComplete="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.currentTarget.value })} error={err('body.user.email')} />
            <PasswordInput label={t('auth.password')} description={t('auth.passwordHint')} required autoComplete="new-password" value={form.password} onChange={(e) => setForm({ ...form, password: e.currentTarget.value })} error={err('body.user.password')} />
            <Button type="submit" loading={accept.isPending}>{t('invite.createAccount')}</Button>
            <Anchor component={Link} to={`/signin?next=${encodeURIComponent(`/invite${hash}`)}`} size="sm">{t('invite.orSignIn')}</Anchor>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
