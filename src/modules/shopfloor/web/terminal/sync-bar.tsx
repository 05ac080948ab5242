import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BookingQueue, QueueSnapshot } from '../booking-queue';
import { COLORS } from '../components/status-badge';

/** Online or offline, bookings still to send, photos waiting, and "send now". */
export function SyncBar({ snapshot, queue, photosWaiting }: { snapshot: QueueSnapshot; queue: BookingQueue; photosWaiting: number }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" mb="lg" data-testid="sync-status" role="status" aria-live="polite">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="sm">
          <Badge size="xl" variant="filled" color={snapshot.offline ? COLORS.red : COLORS.green}>{snapshot.offline ? '⚠' : '✓'}</Badge>
          <Stack gap={0}>
            <Text fw={700}>{snapshot.offline ? t('shopfloor.sync.offline') : t('shopfloor.sync.online')}</Text>
            <Text data-testid="open-count">
              {snapshot.sending ? t('shopfloor.sync.sending') : snapshot.open > 0 ? t('shopfloor.sync.open', { count: snapshot.open }) : t('shopfloor.sync.allSent')}
            </Text>
            {photosWaiting > 0 && <Text data-testid="photos-waiting">{t('shopfloorReasons.photo.waiting', { count: photosWaiting })}</Text>}
          </Stack>
        </Group>
        {snapshot.open > 0 && (
          <Button size="lg" variant="light" onClick={() => void queue.flush()} loading={snapshot.sending}>{t('shopfloor.sync.sendNow')}</Button>
        )}
      </Group>
      {snapshot.lastError && !snapshot.offline && <Text c="red.9" mt="sm">{t('shopfloor.sync.error', { code: snapshot.lastError })}</Text>}
    </Card>
  );
}
