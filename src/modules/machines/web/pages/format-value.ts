import type { Value } from '../api';

/** A sample value for display: numbers localized, booleans as ✓/–, texts as they are. */
export function formatValue(value: Value | null, unit: string, number: (n: number, digits?: number) => string): string {
  if (value === null) return '';
  if (typeof value === 'number') return `${number(value, Number.isInteger(value) ? 0 : 2)}${unit ? ` ${unit}` : ''}`;
  if (typeof value === 'boolean') return value ? '✓' : '–';
  return value;
}
