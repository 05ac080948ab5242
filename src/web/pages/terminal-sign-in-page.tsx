import { Alert, Anchor, Box, Button, Center, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { ApiError, get, post } from '../api/client';
import { ME_KEY, type Me, useMe } from '../api/me';
import { Loading } from '../components/loading';
import { ProblemAlert } from '../components/problem-alert';
import { setLanguage } from '../i18n/i18n';
import { LanguageSwitch } from '../layout/language-switch';
import { registerTerminalServiceWorker, useOnline } from '../pwa/service-worker-client';

interface TerminalInfo {
  terminal: { id: string; name: string; companyId: string; companyName: string; [detail: string]: unknown };
  workers: Array<{ userId: string; name: string; personnelNumber: string | null }>;
}

type Who = { userId: string; name: string } | { personnelNumber: string };

export const terminalPath = (companyId: string) => `/c/${companyId}/shopfloor/terminal`;

/** The shared device's sign-in: tap your name (or type your personnel number), then the PIN on a large keypad. */
export function TerminalSignInPage() {
  const { t } = useTranslation();
  const online = useOnline();
  const { data: me, isLoading: meLoading } = useMe();
  const info = useQuery({
    queryKey: ['terminal'],
    queryFn: async () => {
      try {
        return await get<TerminalInfo>('/terminal');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    retry: false,
  });
  const [who, setWho] = useState<Who | null>(null);

  useEffect(registerTerminalServiceWorker, []);

  if (me?.terminal && me.companies[0]) return <Navigate to={terminalPath(me.companies[0].id)} replace />;
  if (info.isLoading || meLoading) return <Loading />;

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Box w="100%" maw={760} component="main">
        <Group justify="space-between" mb="md" wrap="nowrap">
          <Stack gap={0}>
            <Text fw={700} size="xl" c="werkblau.8">{t('common.appName')}</Text>
            {info.data && <Text size="md" c="dark.6" data-testid="terminal-name">{info.data.terminal.companyName} · {info.data.terminal.name}</Text>}
          </Stack>
          <LanguageSwitch signedIn={false} />
        </Group>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <Stack gap="lg">
            <Title order={1} size="h2">{t('terminal.title')}</Title>
            {!online && <Alert color="orange" role="status" title={t('terminal.offline')} />}
            {info.error && !info.data && <ProblemAlert error={info.error} />}
            {info.data === null && (
              <Stack>
                <Alert color="blue" title={t('terminal.notRegistered')}>{t('terminal.notRegisteredHint')}</Alert>
                <Group><Button component={Link} to="/signin?next=/terminal" size="lg">{t('terminal.toSignIn')}</Button></Group>
              </Stack>
            )}
            {info.data && !who && <ChooseWorker info={info.data} onChoose={setWho} />}
            {info.data && who && <PinEntry who={who} onBack={() => setWho(null)} />}
          </Stack>
        </Paper>
        {me && !me.terminal && me.companies[0] && (
          <Text size="sm" ta="center" mt="md"><Anchor component={Link} to={`/c/${me.companies[0].id}`}>{me.user.name}: {t('nav.overview')}</Anchor></Text>
        )}
      </Box>
    </Center>
  );
}

function ChooseWorker({ info, onChoose }: { info: TerminalInfo; onChoose: (who: Who) => void }) {
  const { t } = useTranslation();
  const [number, setNumber] = useState('');
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={2} size="h3">{t('terminal.whoAreYou')}</Title>
        <Text c="dark.5">{t('terminal.tapName')}</Text>
      </Stack>
      {info.workers.length === 0 ? (
        <Text c="dark.5">{t('terminal.noWorkers')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 2, xs: 3 }} spacing="sm" role="list" aria-label={t('terminal.whoAreYou')}>
          {info.workers.map((w) => (
            <UnstyledButton key={w.userId} role="listitem" p="md" bg="white" bd="1px solid var(--mantine-color-gray-5)" mih={76} style={{ borderRadius: 8 }} onClick={() => onChoose({ userId: w.userId, name: w.name })}>
              <Text fw={700} size="lg" lh={1.2}>{w.name}</Text>
              {w.personnelNumber && <Text size="sm" c="dark.5">{t('terminal.personnelNumber')} {w.personnelNumber}</Text>}
            </UnstyledButton>
          ))}
        </SimpleGrid>
      )}
      <form onSubmit={(e) => { e.preventDefault(); if (number.trim()) onChoose({ personnelNumber: number.trim() }); }}>
        <Group align="end" wrap="nowrap">
          <TextInput size="xl" style={{ flex: 1 }} label={t('terminal.personnelNumber')} value={number} onChange={(e) => setNumber(e.currentTarget.value)} inputMode="numeric" autoComplete="off" />
          <Button type="submit" size="xl" disabled={!number.trim()}>{t('terminal.next')}</Button>
        </Group>
      </form>
    </Stack>
  );
}

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

function PinEntry({ who, onBack }: { who: Who; onBack: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [pin, setPin] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const signIn = useMutation({
    mutationFn: () => post<Me>('/terminal/signin', { ...who, pin }),
    onSuccess: async (me) => {
      await setLanguage(me.user.locale);
      queryClient.setQueryData(ME_KEY, me);
    },
    onError: () => setPin(''),
  });
  const type = (digit: string) => {
    setPin((p) => (p.length < 8 ? p + digit : p));
    input.current?.focus();
  };
  if (signIn.data?.companies[0]) return <Navigate to={terminalPath(signIn.data.companies[0].id)} replace />;
  const title = 'name' in who ? t('terminal.pinFor', { name: who.name }) : t('terminal.pinForNumber', { number: who.personnelNumber });
  return (
    <form onSubmit={(e) => { e.preventDefault(); if (pin.length >= 4) signIn.mutate(); }}>
      <Stack gap="md" maw={420} mx="auto">
        <Title order={2} size="h3" ta="center">{title}</Title>
        <ProblemAlert error={signIn.error} />
        <TextInput
          ref={input}
          size="xl"
          type="password"
          label={t('terminal.pin')}
          description={t('terminal.pinHint')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          value={pin}
          onChange={(e) => setPin(e.currentTarget.value.replace(/\D/g, '').slice(0, 8))}
          styles={{ input: { textAlign: 'center', letterSpacing: '0.5em', fontSize: 32 } }}
          autoFocus
          data-testid="pin-input"
        />
        <SimpleGrid cols={3} spacing="sm">
          {KEYS.map((k) => <Button key={k} size="xl" h={72} variant="default" fz={28} aria-label={t('terminal.digit', { digit: k })} onClick={() => type(k)}>{k}</Button>)}
          <span />
          <Button size="xl" h={72} variant="default" fz={28} aria-label={t('terminal.digit', { digit: '0' })} onClick={() => type('0')}>0</Button>
          <Button size="xl" h={72} variant="default" fz={28} aria-label={t('terminal.deleteDigit')} onClick={() => setPin((p) => p.slice(0, -1))}>⌫</Button>
        </SimpleGrid>
        <Button size="xl" h={72} type="submit" loading={signIn.isPending} disabled={pin.length < 4}>{t('terminal.signIn')}</Button>
        <Button variant="subtle" size="lg" onClick={onBack}>{t('terminal.back')}</Button>
      </Stack>
    </form>
  );
}
