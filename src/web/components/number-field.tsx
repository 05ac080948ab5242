import { TextInput, type TextInputProps } from '@mantine/core';
import { createContext, useContext, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type NumberProblem, type NumberRules, readNumber, writeNumber } from './number-text';

/** Collects which number fields of a form hold something they cannot take, so the form can refuse to save. */
export interface InvalidFields {
  report: (id: string, invalid: boolean) => void;
  count: number;
}

const InvalidFieldsContext = createContext<InvalidFields | null>(null);
export const InvalidFieldsProvider = InvalidFieldsContext.Provider;

/** For a form: `invalid.count` is the number of fields that currently refuse their text. */
export function useInvalidFields(): InvalidFields {
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set());
  return useMemo(() => ({
    count: ids.size,
    report: (id: string, invalid: boolean) => setIds((old) => {
      if (old.has(id) === invalid) return old;
      const next = new Set(old);
      if (invalid) next.add(id);
      else next.delete(id);
      return next;
    }),
  }), [ids]);
}

/** The message for a refused number, in the UI language, saying what is wrong. */
export function useNumberProblemText() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'de';
  return (problem: NumberProblem, unit?: string) => {
    const n = (x: number) => `${writeNumber(x, lang)}${unit ? ` ${unit}` : ''}`;
    switch (problem.code) {
      case 'tooSmall': return t('numberField.tooSmall', { min: n(problem.min) });
      case 'tooLarge': return t('numberField.tooLarge', { max: n(problem.max) });
      case 'tooManyDecimals': return t('numberField.tooManyDecimals', { count: problem.decimals });
      default: return t(`numberField.${problem.code}`);
    }
  };
}

interface Props extends Omit<TextInputProps, 'value' | 'onChange' | 'error'> {
  value: number | null;
  /** Called only with values the rules accept. */
  onValue: (value: number | null) => void;
  rules?: NumberRules;
  /** Shown after the field and in messages ("€", "%", "Jahre"). */
  unit?: string;
  /** An error from outside (e.g. the server), shown when the text itself is fine. */
  error?: string | null;
}

/**
 * A number field that never changes what was typed: the text stays as typed, a value is passed on
 * only when it can be read exactly, and otherwise the field says why (not a number, negative, too
 * large, …) and reports itself invalid to the surrounding form.
 */
export function NumberField({ value, onValue, rules = {}, unit, error, ...rest }: Props) {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'de';
  const problemText = useNumberProblemText();
  // Shown the local way with its unit ("10.000 €", "20 %") while not being typed in; read back the same.
  const display = (v: number | null) => (v === null ? '' : `${new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'de-DE', { maximumFractionDigits: rules.decimals ?? 10 }).format(v)}${unit ? ` ${unit}` : ''}`);
  const withoutUnit = (typed: string) => (unit && typed.trimEnd().endsWith(unit) ? typed.trimEnd().slice(0, -unit.length) : typed);
  const [text, setText] = useState(() => display(value));
  const [problem, setProblem] = useState<NumberProblem | null>(null);
  const group = useContext(InvalidFieldsContext);
  const id = useId();
  const last = useRef<number | null>(value);

  // A value changed from outside (another field, loading, language) is shown; own typing is kept as typed.
  useEffect(() => {
    if (value !== last.current) {
      last.current = value;
      setText(display(value));
      setProblem(null);
    }
  }, [value, lang]);
  useEffect(() => {
    group?.report(id, problem !== null);
  }, [problem, id]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => () => group?.report(id, false), []); // eslint-disable-line react-hooks/exhaustive-deps

  const change = (next: string) => {
    setText(next);
    const reading = readNumber(withoutUnit(next), lang, rules);
    if (!reading.ok) {
      setProblem(reading.problem);
      return;
    }
    setProblem(null);
    last.current = reading.value;
    onValue(reading.value);
  };

  return (
    <TextInput
      {...rest}
      value={text}
      onChange={(e) => change(e.currentTarget.value)}
      onBlur={(e) => {
        const reading = readNumber(withoutUnit(text), lang, rules);
        if (reading.ok) setText(display(reading.value));
        rest.onBlur?.(e);
      }}
      inputMode={rules.integer && (rules.min ?? -1) >= 0 ? 'numeric' : 'decimal'}
      autoComplete="off"
      error={problem ? problemText(problem, unit) : (error ?? undefined)}
      data-invalid-number={problem ? problem.code : undefined}
    />
  );
}
