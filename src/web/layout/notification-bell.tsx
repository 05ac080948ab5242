import { ActionIcon, Anchor, Badge, Box, Button, CloseButton, Group, Indicator, Popover, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type NotificationItem, useMarkRead, useNotifications } from '../api/search';
import { useFormat } from '../i18n/format';
import { BellIcon } from './header-icons';
import './translations';

// filled badges in colours with at least 4.5:1 against their white text
const SEVERITY_COLOR = { critical: '#c92a2a', warning: '#a84300', info: '#495057' } as const;

/**
 * The notification centre in the header: a bell with the number of unread items; its list shows
 * open alarms, measures due or overdue and late orders, each linked to its page, and remembers per
 * person what was read (on the server).
 */
export function NotificationBell({ companyId }: { companyId: string }) {
  const { t, i18n } = useTranslation();
  const { locale } = useFormat();
  const [opened, { toggle, close }] = useDisclosure(false);
  const list = useNotifications(companyId, i18n.language);
  const markRead = useMarkRead(companyId, i18n.language);
  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];

  const when = (item: NotificationItem) => {
    if (item.atMeaning === 'due') {
      const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${item.at.slice(0, 10)}T00:00:00Z`));
      return t('header.notifications.due', { date });
    }
    return t('header.notifications.since', { time: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(item.at)) });
  };

  return (
    <Popover opened={opened} onChange={(o) => (o ? undefined : close())} position="bottom-end" width={380} shadow="md" trapFocus returnFocus withinPortal>
      <Popover.Target>
        <ActionIcon variant="default" size={44} radius="md" onClick={toggle} aria-expanded={opened} aria-haspopup="dialog" data-testid="notifications-open"
          aria-label={unread > 0 ? t('header.notifications.openUnread', { count: unread }) : t('header.notifications.open')}>
          <Indicator label={unread > 99 ? '99+' : String(unread)} size={18} offset={-2} color="red.8" disabled={unread === 0}>
            <BellIcon />
          </Indicator>
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown p={0} role="dialog" aria-labelledby="notifications-title" data-testid="notifications">
        <Group justify="space-between" px="md" py="sm" wrap="nowrap">
          <Title order={2} size="h5" id="notifications-title">{t('header.notifications.title')}</Title>
          <Group gap={4} wrap="nowrap">
            {unread > 0 && <Button size="compact-sm" variant="subtle" onClick={() => markRead.mutate({ all: true })} loading={markRead.isPending}>{t('header.notifications.markAllRead')}</Button>}
            <CloseButton onClick={close} aria-label={t('common.close')} />
          </Group>
        </Group>
        <ScrollArea.Autosize mah="min(70vh, 520px)" type="auto">
          {list.isError && <Text size="sm" c="red.8" px="md" pb="md">{t('header.notifications.failed')}</Text>}
          {list.data && items.length === 0 && <Text size="sm" c="dimmed" px="md" pb="md">{t('header.notifications.empty')}</Text>}
          <Stack gap={0} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {items.map((item) => (
              <Box component="li" key={item.key} px="md" py="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-3)', background: item.read ? undefined : 'var(--mantine-color-blue-0)' }} data-testid="notification">
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                  <Box style={{ minWidth: 0 }}>
                    <Group gap={6} wrap="nowrap">
                      <Badge size="sm" variant="filled" color={SEVERITY_COLOR[item.severity]}>{item.kindLabel}</Badge>
                      {!item.read && <Text size="xs" c="blue.9" fw={600}>{t('header.notifications.unread')}</Text>}
                    </Group>
                    <Anchor component={Link} to={`/c/${companyId}${item.path}`} fw={item.read ? 500 : 700} size="sm" display="block" mt={4}
                      onClick={() => { if (!item.read) markRead.mutate({ keys: [item.key] }); close(); }}>
                      {item.title}
                    </Anchor>
                    {item.subtitle && <Text size="xs" c="dimmed">{item.subtitle}</Text>}
                    <Text size="xs" c="dimmed">{when(item)}</Text>
                  </Box>
                  {!item.read && (
                    <Button size="compact-xs" variant="default" onClick={() => markRead.mutate({ keys: [item.key] })} aria-label={t('header.notifications.markReadOf', { title: item.title })}>
                      {t('header.notifications.markRead')}
                    </Button>
                  )}
                </Group>
              </Box>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
