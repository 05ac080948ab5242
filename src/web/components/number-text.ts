/**
 * Reading a number typed by a person, strictly: whatever cannot be read as the number meant is
 * refused with a reason — never cut, clamped or rounded silently ("-5abc" is not 5, "1e9" is not 19).
 */

export interface NumberRules {
  /** Whole numbers only (quantities, years). */
  integer?: boolean;
  min?: number;
  max?: number;
  /** At most this many decimal places (e.g. 2 for money); more are refused, not rounded. */
  decimals?: number;
  /** An empty field is allowed (the value is then null). */
  optional?: boolean;
}

export type NumberProblem =
  | { code: 'required' }
  | { code: 'notANumber' }
  | { code: 'notWhole' }
  | { code: 'tooManyDecimals'; decimals: number }
  | { code: 'negative' }
  | { code: 'tooSmall'; min: number }
  | { code: 'tooLarge'; max: number };

export type NumberReading = { ok: true; value: number | null } | { ok: false; problem: NumberProblem };

/**
 * Reads `text` the way the UI language writes numbers: German "1.234,5" (dots group thousands, the
 * comma is the decimal mark), English "1,234.5". The other decimal mark is accepted too when it cannot
 * be a thousands group ("2.5" in German is 2,5). Spaces are ignored; a leading + or − sign is allowed.
 * No exponents, no letters, no units.
 */
export function readNumber(text: string, lang: 'de' | 'en', rules: NumberRules = {}): NumberReading {
  const raw = text.replace(/[\s\u00a0\u202f]/g, '').replace(/\u2212/g, '-');
  if (raw === '') return rules.optional ? { ok: true, value: null } : { ok: false, problem: { code: 'required' } };
  const decimal = lang === 'de' ? ',' : '.';
  const group = lang === 'de' ? '.' : ',';
  const m = /^([+-]?)(.*)$/.exec(raw)!;
  const sign = m[1] === '-' ? -1 : 1;
  let body = m[2]!;
  const groupPattern = new RegExp(`^\\d{1,3}(\\${group}\\d{3})+(\\${decimal}\\d+)?$`);
  if (groupPattern.test(body)) body = body.split(group).join('');
  else if (!body.includes(decimal) && body.split(group).length === 2) body = body.replace(group, decimal);
  if (!new RegExp(`^(\\d+(\\${decimal}\\d*)?|\\${decimal}\\d+)$`).test(body)) return { ok: false, problem: { code: 'notANumber' } };
  const [whole, fraction = ''] = body.split(decimal);
  const value = sign * Number(`${whole || '0'}.${fraction || '0'}`);
  if (!Number.isFinite(value)) return { ok: false, problem: { code: 'notANumber' } };
  if (rules.integer && fraction.replace(/0+$/, '') !== '') return { ok: false, problem: { code: 'notWhole' } };
  if (rules.decimals !== undefined && fraction.replace(/0+$/, '').length > rules.decimals) return { ok: false, problem: { code: 'tooManyDecimals', decimals: rules.decimals } };
  if (rules.min !== undefined && value < rules.min) return { ok: false, problem: rules.min === 0 ? { code: 'negative' } : { code: 'tooSmall', min: rules.min } };
  if (rules.max !== undefined && value > rules.max) return { ok: false, problem: { code: 'tooLarge', max: rules.max } };
  return { ok: true, value: Object.is(value, -0) ? 0 : value };
}

/** A number written for the field again (no thousands groups, so that it reads back unchanged). */
export function writeNumber(value: number | null, lang: 'de' | 'en', decimals = 10): string {
  if (value === null || !Number.isFinite(value)) return '';
  const text = String(Number(value.toFixed(decimals)));
  return lang === 'de' ? text.replace('.', ',') : text;
}
