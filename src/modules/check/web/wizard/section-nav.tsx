import { Badge, NavLink, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../web/i18n/format';
import { SUMMARY_STEP, type SectionStep } from './wizard-steps';

interface Props {
  steps: SectionStep[];
  current: string;
  onSelect: (step: string) => void;
}

/** A list of sections on wide screens. */
export function SectionList({ steps, current, onSelect }: Props) {
  const { t } = useTranslation();
  const { localized } = useFormat();
  return (
    <nav aria-label={t('check.wizard.sections')}>
      {steps.map((s) => {
        const done = s.answered === s.items.length;
        return (
          <NavLink
            key={s.section.id}
            component="button"
            label={localized(s.section.title)}
            active={current === s.section.id}
            aria-current={current === s.section.id ? 'step' : undefined}
            onClick={() => onSelect(s.section.id)}
            rightSection={<Badge size="sm" variant={done ? 'filled' : 'light'} color={done ? 'teal.8' : 'gray'}>{t('check.wizard.sectionProgress', { answered: s.answered, visible: s.items.length })}</Badge>}
          />
        );
      })}
      <NavLink
        component="button"
        label={t('check.wizard.summary')}
        active={current === SUMMARY_STEP}
        aria-current={current === SUMMARY_STEP ? 'step' : undefined}
        onClick={() => onSelect(SUMMARY_STEP)}
      />
    </nav>
  );
}

/** A compact jump menu for narrow screens. */
export function SectionSelect({ steps, current, onSelect }: Props) {
  const { t } = useTranslation();
  const { localized } = useFormat();
  const data = [
    ...steps.map((s, i) => ({ value: s.section.id, label: `${i + 1}. ${localized(s.section.title)} (${s.answered}/${s.items.length})` })),
    { value: SUMMARY_STEP, label: t('check.wizard.summary') },
  ];
  return (
    <Select
      label={t('check.wizard.jumpTo')}
      data={data}
      value={current}
      allowDeselect={false}
      onChange={(v) => v && onSelect(v)}
      size="md"
      mb="md"
      comboboxProps={{ withinPortal: true }}
    />
  );
}
