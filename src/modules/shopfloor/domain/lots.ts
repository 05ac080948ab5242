/**
 * Lot and serial numbers from a per-company pattern such as `L-{YYYY}-{counter:6}` (→ L-2026-000123)
 * or, for serials per part, `{part}-{YY}-{counter:5}` (→ 4711-26-00042).
 *
 * The counter restarts for every value of the other tokens in the pattern (per year with {YYYY},
 * per month with {MM}, per part with {part}); since those values are part of the number and the
 * counter has a fixed width, every number is issued once. The store keeps one counter per
 * (tenant, kind, scope) and increments it in the same transaction that releases the order.
 */

export type PatternToken =
  | { kind: 'literal'; text: string }
  | { kind: 'year4' }
  | { kind: 'year2' }
  | { kind: 'month' }
  | { kind: 'part' }
  | { kind: 'counter'; width: number };

export type PatternProblem =
  | 'empty'
  | 'too-long'
  | 'unbalanced-brace'
  | 'unknown-token'
  | 'no-counter'
  | 'several-counters'
  | 'several-parts'
  | 'counter-width-out-of-range'
  | 'illegal-character'
  | 'month-without-year';

export const MAX_PATTERN_LENGTH = 40;
export const MAX_NUMBER_LENGTH = 40;
const LITERAL = /^[A-Za-z0-9\-/._#]*$/;
const PART_NUMBER = /^[A-Za-z0-9\-/._]+$/;

/** The tokens of a pattern, or what is wrong with it. */
export function parsePattern(pattern: string): { ok: true; tokens: PatternToken[] } | { ok: false; problem: PatternProblem } {
  if (pattern.trim() === '') return { ok: false, problem: 'empty' };
  if (pattern.length > MAX_PATTERN_LENGTH) return { ok: false, problem: 'too-long' };
  const tokens: PatternToken[] = [];
  let i = 0;
  while (i < pattern.length) {
    const open = pattern.indexOf('{', i);
    const close = pattern.indexOf('}', i);
    if (close !== -1 && (open === -1 || close < open)) return { ok: false, problem: 'unbalanced-brace' };
    const literal = pattern.slice(i, open === -1 ? pattern.length : open);
    if (literal !== '') {
      if (!LITERAL.test(literal)) return { ok: false, problem: 'illegal-character' };
      tokens.push({ kind: 'literal', text: literal });
    }
    if (open === -1) break;
    const end = pattern.indexOf('}', open);
    if (end === -1) return { ok: false, problem: 'unbalanced-brace' };
    const name = pattern.slice(open + 1, end);
    if (name.includes('{')) return { ok: false, problem: 'unbalanced-brace' };
    const counter = /^counter(?::(\d+))?$/.exec(name);
    if (name === 'YYYY') tokens.push({ kind: 'year4' });
    else if (name === 'YY') tokens.push({ kind: 'year2' });
    else if (name === 'MM') tokens.push({ kind: 'month' });
    else if (name === 'part') tokens.push({ kind: 'part' });
    else if (counter) {
      const width = counter[1] === undefined ? 6 : Number(counter[1]);
      if (width < 3 || width > 12) return { ok: false, problem: 'counter-width-out-of-range' };
      tokens.push({ kind: 'counter', width });
    } else return { ok: false, problem: 'unknown-token' };
    i = end + 1;
  }
  const count = (k: PatternToken['kind']) => tokens.filter((t) => t.kind === k).length;
  if (count('counter') === 0) return { ok: false, problem: 'no-counter' };
  if (count('counter') > 1) return { ok: false, problem: 'several-counters' };
  if (count('part') > 1) return { ok: false, problem: 'several-parts' };
  if (count('month') > 0 && count('year4') + count('year2') === 0) return { ok: false, problem: 'month-without-year' };
  return { ok: true, tokens };
}

export interface NumberContext {
  year: number;
  /** 1..12 */
  month: number;
  /** the part's number, for serials per part */
  partNumber?: string;
}

/** The year and month of `at` in the firm's time zone (a lot released on 31 Dec 23:30 local is that year's). */
export function datePartsIn(at: number, timeZone: string): { year: number; month: number } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: 'numeric' }).formatToParts(new Date(at));
  return { year: Number(parts.find((p) => p.type === 'year')!.value), month: Number(parts.find((p) => p.type === 'month')!.value) };
}

/**
 * The counter's scope: the values of the pattern's other tokens, which the number shows. Two
 * contexts with the same scope share one counter.
 */
export function counterScope(tokens: readonly PatternToken[], ctx: NumberContext): string {
  const parts: string[] = [];
  for (const t of tokens) {
    if (t.kind === 'year4' || t.kind === 'year2') parts.push(`y${t.kind === 'year4' ? ctx.year : ctx.year % 100}`);
    else if (t.kind === 'month') parts.push(`m${ctx.month}`);
    else if (t.kind === 'part') parts.push(`p${ctx.partNumber ?? ''}`);
  }
  return parts.length === 0 ? 'all' : parts.join('|');
}

export type NumberProblem = 'counter-exhausted' | 'part-number-missing' | 'part-number-not-usable' | 'number-too-long' | 'invalid-context';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The number for `counter` (1, 2, 3 … within its scope). */
export function formatNumber(tokens: readonly PatternToken[], ctx: NumberContext, counter: number): { ok: true; value: string } | { ok: false; problem: NumberProblem } {
  if (!Number.isInteger(ctx.year) || ctx.year < 1000 || ctx.year > 9999 || !Number.isInteger(ctx.month) || ctx.month < 1 || ctx.month > 12) return { ok: false, problem: 'invalid-context' };
  let out = '';
  for (const t of tokens) {
    switch (t.kind) {
      case 'literal':
        out += t.text;
        break;
      case 'year4':
        out += String(ctx.year);
        break;
      case 'year2':
        out += pad(ctx.year % 100, 2);
        break;
      case 'month':
        out += pad(ctx.month, 2);
        break;
      case 'part':
        if (!ctx.partNumber) return { ok: false, problem: 'part-number-missing' };
        if (!PART_NUMBER.test(ctx.partNumber)) return { ok: false, problem: 'part-number-not-usable' };
        out += ctx.partNumber;
        break;
      case 'counter':
        if (!Number.isInteger(counter) || counter < 1 || counter >= 10 ** t.width) return { ok: false, problem: 'counter-exhausted' };
        out += pad(counter, t.width);
        break;
    }
  }
  if (out.length > MAX_NUMBER_LENGTH) return { ok: false, problem: 'number-too-long' };
  return { ok: true, value: out };
}

/**
 * `count` consecutive numbers after `lastCounter` in one scope — the serials of a production order
 * of single parts, or one lot number with count 1 — and the counter to store afterwards.
 */
export function issueNumbers(tokens: readonly PatternToken[], ctx: NumberContext, lastCounter: number, count: number): { ok: true; values: string[]; lastCounter: number } | { ok: false; problem: NumberProblem } {
  const values: string[] = [];
  for (let c = lastCounter + 1; c <= lastCounter + count; c++) {
    const r = formatNumber(tokens, ctx, c);
    if (!r.ok) return r;
    values.push(r.value);
  }
  return { ok: true, values, lastCounter: lastCounter + count };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * What a number says, if it fits the pattern: year, month, part and counter. Used to check a
 * scanned or imported lot or serial number before a booking or delivery refers to it.
 */
export function readNumber(tokens: readonly PatternToken[], value: string): { year?: number; year2?: number; month?: number; partNumber?: string; counter: number } | null {
  let source = '^';
  const groups: Array<PatternToken['kind']> = [];
  for (const t of tokens) {
    if (t.kind === 'literal') source += escapeRegExp(t.text);
    else {
      groups.push(t.kind);
      if (t.kind === 'year4') source += '(\\d{4})';
      else if (t.kind === 'year2') source += '(\\d{2})';
      else if (t.kind === 'month') source += '(0[1-9]|1[0-2])';
      else if (t.kind === 'part') source += '([A-Za-z0-9\\-/._]+)';
      else source += `(\\d{${t.width}})`;
    }
  }
  const m = new RegExp(`${source}$`).exec(value);
  if (!m) return null;
  const out: { year?: number; year2?: number; month?: number; partNumber?: string; counter: number } = { counter: 0 };
  groups.forEach((kind, i) => {
    const v = m[i + 1]!;
    if (kind === 'year4') out.year = Number(v);
    else if (kind === 'year2') out.year2 = Number(v);
    else if (kind === 'month') out.month = Number(v);
    else if (kind === 'part') out.partNumber = v;
    else out.counter = Number(v);
  });
  if (out.counter === 0) return null;
  if (out.year !== undefined && out.year2 !== undefined && out.year % 100 !== out.year2) return null;
  return out;
}

/** The patterns a company starts with (changeable in the shop-floor settings). */
export const DEFAULT_LOT_PATTERN = 'L-{YYYY}-{counter:6}';
export const DEFAULT_SERIAL_PATTERN = '{part}-{YY}-{counter:5}';
