import type { TextInputProps } from '@mantine/core';
import { NumberField } from '../../../../web/components/number-field';

interface Props extends Omit<TextInputProps, 'value' | 'onChange' | 'error'> {
  cents: number;
  onCents: (cents: number) => void;
  allowNegative?: boolean;
}

/** Largest amount a field takes: 100 billion euros (the API's limit is far above any measure). */
const MAX_EUROS = 100_000_000_000;

/**
 * A euro amount typed the local way (1.234,56 in German), held as integer cents. What cannot be read
 * exactly ("-25000" where no negative is allowed, "1e9", three decimals) is refused with the reason and
 * the amount stays as it was — never changed silently.
 */
export function MoneyInput({ cents, onCents, allowNegative = false, ...rest }: Props) {
  return (
    <NumberField
      {...rest}
      value={cents / 100}
      unit="€"
      rules={{ decimals: 2, min: allowNegative ? -MAX_EUROS : 0, max: MAX_EUROS }}
      onValue={(euros) => onCents(Math.round((euros ?? 0) * 100))}
    />
  );
}
