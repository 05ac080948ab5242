import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../web/i18n/format';
import type { Alarm } from '../api';

/** Dark shades so that white text keeps a contrast of at least 4.5:1. */
const COLOR = { active: 'red.9', acknowledged: 'blue.9', clearedUnacknowledged: 'violet.9', closed: 'gray.8' } as const;

export function AlarmItem({ alarm, canAcknowledge, onAcknowledge, busy }: { alarm: Alarm; canAcknowledge: boolean; onAcknowledge?: () => void; busy?: boolean }) {
  const { t } = useTranslation();
  const { dateTime, number } = useFormat();
  const rule = alarm.ruleName || alarm.point;
  return (
    <Group justify="space-between" wrap="nowrap" data-alarm={alarm.id} data-status={alarm.status}>
      <Stack gap={2}>
        <Group gap="xs">
          <Badge color={COLOR[alarm.status]} variant="filled">{t(`machines.status.${alarm.status}`)}</Badge>
          <Text fw={600}>{rule}</Text>
          <Text c="dimmed" size="sm">{alarm.point}</Text>
        </Group>
        <Text size="sm">
          {t('machines.list.raised', { time: dateTime(alarm.raisedAt), value: alarm.raisedValue === null ? '' : number(alarm.raisedValue, 2) })}
          {alarm.clearedAt && ` · ${t('machines.list.cleared', { time: dateTime(alarm.clearedAt) })}`}
          {alarm.acknowledgedAt && ` · ${t('machines.list.acknowledgedAt', { time: dateTime(alarm.acknowledgedAt) })}`}
        </Text>
      </Stack>
      {canAcknowledge && !alarm.acknowledgedAt && onAcknowledge && (
        <Button onClick={onAcknowledge} loading={busy} aria-label={t('machines.list.acknowledgeLabel', { rule, point: alarm.point })}>
          {t('machines.list.acknowledge')}
        </Button>
      )}
    </Group>
  );
}
