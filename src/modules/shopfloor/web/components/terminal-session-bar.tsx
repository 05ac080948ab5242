import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { post, setCsrfToken } from '../../../../web/api/client';
import { ME_KEY, useMe } from '../../../../web/api/me';
import { shopfloorPath } from '../api';
import { clearTerminalData, registerTerminalServiceWorker, useOnline } from '../../../../web/pwa/service-worker-client';

/**
 * Who is signed in on this terminal, and the large "sign out" that returns to the PIN screen.
 * Sign-out waits until this device's bookings are delivered (they are sent with the session of
 * whoever is signed in, so a later worker must not send them) and needs the network (the session
 * must end on the server). Shown only in a PIN session.
 */
export function TerminalSessionBar({ openBookings }: { openBookings: number }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const online = useOnline();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const terminal = me?.terminal;
  const companyId = me?.companies[0]?.id;
  useEffect(() => {
    if (terminal && companyId) registerTerminalServiceWorker(['/api/v1/me', `/api/v1${shopfloorPath(companyId)}/orders`, `/api/v1${shopfloorPath(companyId)}/work-centres`]);
  }, [terminal, companyId]);
  if (!me || !terminal) return null;

  const signOut = async () => {
    await post('/auth/logout');
    setCsrfToken(undefined);
    await clearTerminalData();
    queryClient.clear();
    queryClient.setQueryData(ME_KEY, null);
    navigate('/terminal');
  };
  const blocked = !online ? t('terminal.signOutOffline') : openBookings > 0 ? t('terminal.signOutWaits', { count: openBookings }) : null;
  return (
    <Paper withBorder p="md" mb="lg" bg="gray.0" data-testid="terminal-session">
      <Group justify="space-between" wrap="nowrap" align="center">
        <Stack gap={2}>
          <Text fw={700} size="lg">{t('terminal.signedInAs', { name: me.user.name, terminal: terminal.name })}</Text>
          {!online && <Badge color="orange" size="lg" variant="filled" c="dark.9">{t('terminal.offlineBadge')}</Badge>}
          {blocked && <Text size="sm" c="dark.5">{blocked}</Text>}
        </Stack>
        <Button size="lg" variant="default" onClick={signOut} disabled={blocked !== null}>{t('terminal.signOut')}</Button>
      </Group>
    </Paper>
  );
}
