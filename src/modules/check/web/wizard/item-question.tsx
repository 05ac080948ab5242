import { Paper, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../../web/i18n/format';
import type { AnswerValue } from '../../domain/answers';
import type { Item } from '../../domain/questionnaire-schema';
import { CheckProblemAlert } from '../shared/check-problem-alert';
import classes from './item-question.module.css';
import { NumberAnswer } from './number-answer';
import { RadioOption } from './radio-option';

export type SaveState = 'saving' | 'saved' | 'error' | null;

/** Radio values: yes/no for booleans, the step number for scales, the option value for choices. */
function toRadio(item: Item, value: AnswerValue | undefined): string {
  if (value === undefined) return '';
  if (item.type === 'boolean' && typeof value === 'boolean') return value ? 'yes' : 'no';
  if ((item.type === 'number' || item.type === 'integer') && typeof value === 'number') return '';
  return String(value);
}

function fromRadio(item: Item, radio: string): AnswerValue {
  if (item.type === 'choice') return radio;
  if (radio === 'na' || radio === 'unknown') return radio;
  if (item.type === 'boolean') return radio === 'yes';
  return Number(radio);
}

interface Props {
  item: Item;
  value: AnswerValue | undefined;
  onAnswer: (value: AnswerValue | null) => void;
  saveState: SaveState;
  error: unknown;
  itemText: (itemId: string) => string | undefined;
}

export function ItemQuestion({ item, value, onAnswer, saveState, error, itemText }: Props) {
  const { t } = useTranslation();
  const { localized } = useFormat();
  const legendId = useId();
  const main: Array<{ value: string; label: string }> =
    item.type === 'boolean' ? [{ value: 'yes', label: t('check.answers.yes') }, { value: 'no', label: t('check.answers.no') }]
      : item.type === 'scale' ? item.steps.map((s, i) => ({ value: String(i), label: localized(s) }))
        : item.type === 'choice' ? item.options.map((o) => ({ value: o.value, label: localized(o.label) }))
          : [];
  const unknownIsOption = item.type === 'choice' && item.options.some((o) => o.value === 'unknown');
  const extras = [...(unknownIsOption ? [] : [{ value: 'unknown', label: t('check.answers.unknown') }]), { value: 'na', label: t('check.answers.na') }];
  const status = saveState === 'saving' ? t('check.wizard.saving') : saveState === 'saved' ? t('check.wizard.saved') : saveState === 'error' ? t('check.wizard.saveFailed') : '';

  return (
    <Paper withBorder p="md" radius="md" data-testid={`item-${item.id}`}>
      <fieldset className={classes.fieldset} aria-describedby={`${legendId}-why`}>
        <legend className={classes.legend} id={legendId}>{localized(item.text)}</legend>
        <Text size="sm" c="dimmed" mb="sm" id={`${legendId}-why`}>
          <Text span fw={600} size="sm" c="dark.6">{t('check.wizard.why')}</Text> {localized(item.why)}
        </Text>
        {(item.type === 'number' || item.type === 'integer') && <NumberAnswer item={item} value={value} onAnswer={onAnswer} />}
        <Radio.Group value={toRadio(item, value)} onChange={(v) => onAnswer(fromRadio(item, v))}>
          <Stack gap="xs">
            {main.length > 0 && (
              <SimpleGrid cols={{ base: 1, xs: item.type === 'boolean' ? 2 : 1 }} spacing="xs">
                {main.map((o) => <RadioOption key={o.value} value={o.value} label={o.label} />)}
              </SimpleGrid>
            )}
            <SimpleGrid cols={2} spacing="xs">
              {extras.map((o) => <RadioOption key={o.value} value={o.value} label={o.label} extra />)}
            </SimpleGrid>
          </Stack>
        </Radio.Group>
      </fieldset>
      {saveState === 'error' && <CheckProblemAlert error={error} itemText={itemText} />}
      <Text size="sm" c={saveState === 'error' ? 'red.8' : 'teal.9'} ta="right" mt={4} mih={20} aria-live="polite" data-testid="save-state">{status}</Text>
    </Paper>
  );
}
