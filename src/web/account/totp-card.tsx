import { Alert, Button, Code, CopyButton, Group, Image, Paper, PasswordInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, post } from '../api/client';
import { ME_KEY } from '../api/me';
import { Loading } from '../components/loading';
import { ProblemAlert } from '../components/problem-alert';
import { useFormat } from '../i18n/format';

interface Security { totpEnabled: boolean; totpEnabledAt: string | null; recoveryCodesLeft: number }
interface Setup { secret: string; uri: string; qrCode: string }
const SECURITY_KEY = ['me', 'security'];

/** TOTP: set up with QR code and a confirmation code, recovery codes shown once, switch off with password and code. */
export function TotpCard() {
  const { t } = useTranslation();
  const { date } = useFormat();
  const queryClient = useQueryClient();
  const security = useQuery({ queryKey: SECURITY_KEY, queryFn: () => get<Security>('/me/security') });
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [starting, setStarting] = useState(false);
  const [setup, setSetup] = useState<Setup | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: SECURITY_KEY }), queryClient.invalidateQueries({ queryKey: ME_KEY })]);
  const clear = () => { setPassword(''); setCode(''); };

  const start = useMutation({ mutationFn: () => post<Setup>('/me/totp/setup', { password }), onSuccess: (s) => { setSetup(s); clear(); } });
  const confirm = useMutation({
    mutationFn: () => post<{ recoveryCodes: string[] }>('/me/totp/confirm', { code }),
    onSuccess: (r) => { setRecoveryCodes(r.recoveryCodes); setSetup(null); setStarting(false); clear(); },
  });
  const disable = useMutation({ mutationFn: () => post('/me/totp/disable', { password, code }), onSuccess: () => { clear(); void refresh(); } });

  if (!security.data) return <Loading />;
  const s = security.data;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="totp-title">
      <Stack>
        <Title order={2} size="h4" id="totp-title">{t('account.totp.title')}</Title>
        <Text size="sm">{t('account.totp.intro')}</Text>
        {recoveryCodes ? (
          <Stack>
            <Title order={3} size="h5">{t('account.totp.recoveryTitle')}</Title>
            <Alert color="yellow">{t('account.totp.recoveryIntro')}</Alert>
            <SimpleGrid cols={2} component="ul" aria-label={t('account.totp.recoveryTitle')} style={{ listStyle: 'none', padding: 0 }} data-testid="recovery-codes">
              {recoveryCodes.map((c) => <Code component="li" key={c} fz="md">{c}</Code>)}
            </SimpleGrid>
            <Group>
              <CopyButton value={recoveryCodes.join('\n')}>
                {({ copied, copy }) => <Button variant="default" onClick={copy}>{copied ? t('account.totp.copied') : t('account.totp.copy')}</Button>}
              </CopyButton>
              <Button onClick={() => { setRecoveryCodes(null); void refresh(); }}>{t('account.totp.recoveryDone')}</Button>
            </Group>
          </Stack>
        ) : s.totpEnabled ? (
          <>
            <Text fw={500}>{t('account.totp.on', { date: s.totpEnabledAt ? date(s.totpEnabledAt) : '', count: s.recoveryCodesLeft })}</Text>
            <form onSubmit={(e) => { e.preventDefault(); disable.mutate(); }} noValidate>
              <Stack>
                <Title order={3} size="h5">{t('account.totp.disableTitle')}</Title>
                <Text size="sm" c="dimmed">{t('account.totp.disableHint')}</Text>
                <ProblemAlert error={disable.error} />
                <PasswordInput label={t('account.totp.password')} autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
                <TextInput label={t('account.totp.codeOrRecovery')} autoComplete="one-time-code" required value={code} onChange={(e) => setCode(e.currentTarget.value)} />
                <Group justify="flex-end"><Button type="submit" color="red" variant="light" loading={disable.isPending}>{t('account.totp.disable')}</Button></Group>
              </Stack>
            </form>
          </>
        ) : setup ? (
          <form onSubmit={(e) => { e.preventDefault(); confirm.mutate(); }} noValidate>
            <Stack>
              <Text size="sm">{t('account.totp.scan')}</Text>
              <Image src={setup.qrCode} alt={t('account.totp.qrAlt')} w={220} h={220} bg="white" />
              <Text size="sm">{t('account.totp.secret')}: <Code data-testid="totp-secret">{setup.secret.match(/.{1,4}/g)!.join(' ')}</Code></Text>
              <ProblemAlert error={confirm.error} />
              <TextInput label={t('account.totp.code')} description={t('account.totp.codeHint')} autoComplete="one-time-code" inputMode="numeric" required value={code} onChange={(e) => setCode(e.currentTarget.value)} />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => { setSetup(null); setStarting(false); clear(); }}>{t('account.totp.cancel')}</Button>
                <Button type="submit" loading={confirm.isPending}>{t('account.totp.confirm')}</Button>
              </Group>
            </Stack>
          </form>
        ) : starting ? (
          <form onSubmit={(e) => { e.preventDefault(); start.mutate(); }} noValidate>
            <Stack>
              <ProblemAlert error={start.error} />
              <PasswordInput label={t('account.totp.password')} autoComplete="current-password" required autoFocus value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => { setStarting(false); clear(); }}>{t('account.totp.cancel')}</Button>
                <Button type="submit" loading={start.isPending}>{t('account.totp.continue')}</Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <>
            <Text c="dimmed">{t('account.totp.off')}</Text>
            <Group><Button onClick={() => setStarting(true)}>{t('account.totp.start')}</Button></Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}

