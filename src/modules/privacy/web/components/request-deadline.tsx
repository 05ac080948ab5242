import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RequestClockView } from '../../subject-requests.schemas';

// dark enough for white text (contrast at least 4.5:1)
const COLOR = { running: '#237032', 'due-soon': '#a84300', overdue: '#c92a2a', answered: '#495057', 'answered-late': '#8a5a00' } as const;

/** A calendar day (`YYYY-MM-DD`) as the reader writes it, whatever the device's time zone. */
export function useDay() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'de-DE', { dateStyle: 'medium', timeZone: 'UTC' });
  return (day: string) => format.format(new Date(`${day}T00:00:00Z`));
}

/** The deadline of a request as a badge: days left (counted in the firm's time zone by the server), due soon, overdue, answered. */
export function RequestDeadline({ clock, size = 'md' }: { clock: RequestClockView; size?: 'md' | 'lg' }) {
  const { t } = useTranslation();
  const day = useDay();
  const deadline = day(clock.deadline);
  const text = clock.state === 'overdue'
    ? t('privacy.requests.clock.overdue', { count: -clock.daysLeft, deadline })
    : clock.state === 'answered' || clock.state === 'answered-late'
      ? t(`privacy.requests.clock.${clock.state}`)
      : clock.daysLeft === 0 ? t('privacy.requests.clock.today', { deadline }) : t('privacy.requests.clock.left', { count: clock.daysLeft, deadline });
  return (
    <Badge color={COLOR[clock.state]} size={size} variant="filled" tt="none" style={{ whiteSpace: 'normal', height: 'auto', paddingBlock: 4 }} data-testid="request-deadline" data-state={clock.state}>
      {text}
    </Badge>
  );
}
