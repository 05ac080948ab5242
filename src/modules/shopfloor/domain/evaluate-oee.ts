import { z } from 'zod';
import { computeOee } from './oee';

const timestamp = z.iso.datetime({
  offset: true,
  error: 'expected an ISO 8601 timestamp with seconds and time zone, e.g. "2026-03-02T06:00:00+01:00"',
});

const interval = z
  .object({ start: timestamp, end: timestamp }, { error: 'expected an object {"start", "end"}' })
  // Only compare when both timestamps parse; otherwise the timestamp message says enough.
  .refine((i) => !(Date.parse(i.end) < Date.parse(i.start)), { message: 'end is before start', path: ['end'] });

const required = (expected: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? 'is required' : expected;

const intervals = z.array(interval, { error: required('expected an array of {"start", "end"}') });
const number = () => z.number({ error: required('expected a number') });
const quantity = number().nonnegative('must not be negative');

export const oeeInputSchema = z.object(
  {
    plannedWindows: intervals,
    plannedDowntime: intervals.default([]),
    runs: intervals,
    idealCycleSeconds: number().positive('must be greater than 0'),
    good: quantity,
    scrap: quantity,
  },
  { error: 'expected a JSON object' },
);

export type OeeInput = z.input<typeof oeeInputSchema>;

export interface OeeOutput {
  readonly plannedProductionMinutes: number;
  readonly runMinutes: number;
  readonly availability: number | null;
  readonly performance: number | null;
  readonly performanceAboveIdeal: boolean;
  readonly quality: number | null;
  readonly oee: number | null;
}

export type OeeEvaluation = { ok: true; output: OeeOutput } | { ok: false; errors: string[] };

const toIntervals = (list: { start: string; end: string }[]) =>
  list.map((i) => ({ start: Date.parse(i.start), end: Date.parse(i.end) }));

/** Validates the command-line input and computes OEE; errors name the offending field. */
export function evaluateOee(input: unknown): OeeEvaluation {
  const parsed = oeeInputSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'input'}: ${issue.message}`),
    };
  }
  const p = parsed.data;
  const result = computeOee({
    plannedWindows: toIntervals(p.plannedWindows),
    plannedDowntime: toIntervals(p.plannedDowntime),
    runs: toIntervals(p.runs),
    idealCycleMs: p.idealCycleSeconds * 1000,
    good: p.good,
    scrap: p.scrap,
  });
  return {
    ok: true,
    output: {
      plannedProductionMinutes: result.plannedProductionMs / 60_000,
      runMinutes: result.runMs / 60_000,
      availability: result.availability,
      performance: result.performance,
      performanceAboveIdeal: result.performanceAboveIdeal,
      quality: result.quality,
      oee: result.oee,
    },
  };
}
