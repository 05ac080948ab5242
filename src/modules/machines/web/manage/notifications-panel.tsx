import '../load-manage-translations';
import { Badge, Button, Card, Group, Indicator, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../web/i18n/format';
import { type Notification, api, manageKeys, useMachinesMutation, useNotifications } from '../manage-api';
import { SEVERITY_COLOR } from './severity';

const EVENT_COLOR = { raised: 'red.9', acknowledged: 'blue.9', cleared: 'teal.9' } as const;

function Item({ n }: { n: Notification }) {
  const { t } = useTranslation();
  const { dateTime, number } = useFormat();
  return (
    <Group justify="space-between" wrap="nowrap" align="flex-start" data-notification={n.event} data-read={n.read}>
      <Stack gap={2}>
        <Group gap={6}>
          {!n.read && <Badge size="xs" color="dark" variant="filled">{t('machinesManage.notifications.new')}</Badge>}
          <Badge size="sm" color={EVENT_COLOR[n.event]} variant="filled">{t(`machinesManage.notifications.events.${n.event}`)}</Badge>
          <Badge size="sm" color={SEVERITY_COLOR[n.severity]} variant="outline">{t(`machinesManage.severity.${n.severity}`)}</Badge>
        </Group>
        <Text size="sm" fw={n.read ? 400 : 600}>{n.ruleName || n.point} · {n.machineName}</Text>
        <Text size="xs" c="dimmed">{dateTime(n.at)}{n.value !== null ? ` · ${number(n.value, 2)}` : ''}</Text>
      </Stack>
    </Group>
  );
}

/** The in-app notifications of alarms with the unread count; opened from the machine overview. */
export function NotificationsPanel({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const notifications = useNotifications(companyId);
  const [open, setOpen] = useState(false);
  const markRead = useMachinesMutation(companyId, (until: string | undefined) => api.markRead(companyId, until));
  const data = notifications.data;
  const unread = data?.unread ?? 0;
  return (
    <Stack gap="xs" mb="md">
      <Group>
        <Indicator label={unread} size={20} disabled={unread === 0} color="red.9" offset={4}>
          <Button variant="light" onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-controls="machine-notifications" data-testid="notifications-button">
            {t('machinesManage.notifications.button', { count: unread })}
          </Button>
        </Indicator>
      </Group>
      {open && (
        <Card withBorder padding="md" id="machine-notifications" component="section" aria-labelledby="notifications-title">
          <Group justify="space-between" mb="xs">
            <Title order={2} size="h5" id="notifications-title">{t('machinesManage.notifications.title')}</Title>
            {unread > 0 && (
              <Button
                size="xs"
                variant="subtle"
                loading={markRead.isPending}
                onClick={() => markRead.mutate(data?.items[0]?.createdAt, { onSuccess: () => client.invalidateQueries({ queryKey: manageKeys.notifications(companyId) }) })}
              >
                {t('machinesManage.notifications.markRead')}
              </Button>
            )}
          </Group>
          {!data || data.items.length === 0 ? (
            <Text size="sm">{t('machinesManage.notifications.empty')}</Text>
          ) : (
            <Stack gap="sm" data-testid="notification-list">
              {data.items.map((n) => <Item key={n.id} n={n} />)}
            </Stack>
          )}
        </Card>
      )}
    </Stack>
  );
}
