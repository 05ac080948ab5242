import { NumberInput, type NumberInputProps } from '@mantine/core';
import { useFormat } from '../../../../web/i18n/format';

interface Props extends Omit<NumberInputProps, 'value' | 'onChange'> {
  cents: number;
  onCents: (cents: number) => void;
}

/** A euro amount typed the local way (1.234,56 € in German), held as integer cents. */
export function MoneyInput({ cents, onCents, allowNegative = false, ...rest }: Props) {
  const { locale } = useFormat();
  const german = locale === 'de-DE';
  return (
    <NumberInput
      {...rest}
      value={cents / 100}
      onChange={(v) => onCents(Math.round((typeof v === 'number' ? v : Number(v) || 0) * 100))}
      thousandSeparator={german ? '.' : ','}
      decimalSeparator={german ? ',' : '.'}
      decimalScale={2}
      allowNegative={allowNegative}
      suffix=" €"
      hideControls
      inputMode="decimal"
    />
  );
}
