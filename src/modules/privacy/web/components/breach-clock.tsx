import { Badge } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../web/i18n/format';
import type { BreachSummary } from '../../schemas';

// dark enough for white text (contrast at least 4.5:1)
const COLOR = { running: '#a84300', overdue: '#c92a2a', 'notified-in-time': '#237032', 'notified-late': '#8a5a00', 'not-required': '#495057' } as const;

/** Hours and minutes of a span, rounded down to the minute. */
export function useDuration() {
  const { t } = useTranslation();
  return (ms: number) => {
    const minutes = Math.floor(Math.abs(ms) / 60_000);
    const hours = Math.floor(minutes / 60);
    return hours > 0 ? t('privacy.duration.hoursMinutes', { hours, minutes: minutes % 60 }) : t('privacy.duration.minutes', { minutes });
  };
}

/**
 * The 72-hour clock of a breach, ticking every 30 seconds from the state the server computed
 * (so a wrong clock on the device does not move the deadline).
 */
export function BreachClock({ clock, fetchedAt, size = 'md' }: { clock: BreachSummary['clock']; fetchedAt: number; size?: 'md' | 'lg' }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const duration = useDuration();
  const [now, setNow] = useState(() => Date.now());
  const live = clock.state === 'running' || clock.state === 'overdue';
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, [live]);
  const remaining = clock.remainingMs - Math.max(0, now - fetchedAt);
  const state = live ? (remaining >= 0 ? 'running' : 'overdue') : clock.state;
  const text = t(`privacy.clock.${state}`, { left: duration(remaining), deadline: dateTime(clock.deadline) });
  return (
    <Badge color={COLOR[state]} size={size} variant="filled" tt="none" style={{ whiteSpace: 'normal', height: 'auto', paddingBlock: 4 }} data-testid="breach-clock" data-state={state}>
      {text}
    </Badge>
  );
}
