import { Badge, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type LevelBand, levelBand } from '../../domain/skills';

/** One colour per DigComp band, each with at least 4.5:1 contrast to white text; the text says the level too. */
export const BAND_COLORS: Record<LevelBand | 'unassessed', string> = {
  none: '#495057',
  foundation: '#8a5a00',
  intermediate: '#1c5d99',
  advanced: '#237032',
  specialised: '#6741d9',
  unassessed: '#dee2e6',
};

/** A level as a coloured badge with its number and band, or "not assessed" in plain text. */
export function SkillLevel({ level }: { level: number | undefined }) {
  const { t } = useTranslation();
  if (level === undefined) return <Text size="sm" c="dimmed" data-level="none"><span aria-hidden>–</span><VisuallyHidden>{t('privacy.skills.notAssessed')}</VisuallyHidden></Text>;
  const band = levelBand(level);
  const label = t('privacy.skills.levelLong', { level, band: t(`privacy.skills.band.${band}`) });
  return (
    <Badge color={BAND_COLORS[band]} variant="filled" tt="none" size="lg" radius="sm" data-level={level} title={label}>
      <span aria-hidden>{level}</span>
      <VisuallyHidden>{label}</VisuallyHidden>
    </Badge>
  );
}

/** `YYYY-MM-DD` as a date in the reader's language (noon, so no time zone moves the day). */
export function useDay() {
  const { i18n } = useTranslation();
  return (day: string) => new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'de-DE', { dateStyle: 'medium' }).format(new Date(`${day}T12:00:00`));
}
