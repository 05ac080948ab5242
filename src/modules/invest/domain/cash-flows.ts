/**
 * Yearly cash flows of an investment from plain inputs.
 *
 * Unit: all amounts are integer euro cents. Every line of every year is rounded to whole cents,
 * and `net` is the exact sum of the rounded lines, so a table of the breakdown always adds up.
 * Sign convention of the result: inflows positive, outflows negative.
 */

/** Subsidy either as a fixed amount or as a share of the investment. */
export type SubsidyInput = { amountCents: number } | { rate: number };

export interface CashFlowInput {
  /** Planning horizon in years; the result has the years 0 … horizonYears. */
  horizonYears: number;
  /** Total investment (≥ 0), paid in year 0 unless `investmentSchedule` spreads it. */
  investmentCents: number;
  /** Shares of the investment per year from year 0, summing to 1, e.g. [0.6, 0.4]. */
  investmentSchedule?: number[];
  /** Subsidy (≥ 0, at most the investment); a rate is a share 0–1 of the investment. */
  subsidy?: SubsidyInput;
  /**
   * Year in which the whole subsidy is received. Without it the subsidy is received pro rata
   * with the investment, i.e. it reduces the outflow in the years the investment is paid.
   */
  subsidyYear?: number;
  runningCostsPerYearCents?: number;
  savingsPerYearCents?: number;
  extraRevenuePerYearCents?: number;
  /** Value left at the end of the horizon; negative for a dismantling or disposal cost. */
  residualValueCents?: number;
  /** First year with running costs, savings and extra revenue (default 1). */
  operationStartYear?: number;
  /** Yearly escalation per line, e.g. 0.02 = +2 % per year from the operation start year. */
  growthRates?: { runningCosts?: number; savings?: number; extraRevenue?: number };
}

export interface CashFlowYear {
  year: number;
  investment: number;
  subsidy: number;
  runningCosts: number;
  savings: number;
  extraRevenue: number;
  residualValue: number;
  net: number;
}

export const MAX_HORIZON_YEARS = 100;

/** Builds the yearly breakdown (years 0 … horizon) in cents, outflows negative. */
export function buildCashFlows(input: CashFlowInput): CashFlowYear[] {
  validate(input);
  const horizon = input.horizonYears;
  const schedule = input.investmentSchedule ?? [1];
  const investmentByYear = spread(input.investmentCents, schedule, horizon);
  const subsidyTotal = subsidyCents(input);
  const subsidyByYear =
    input.subsidyYear === undefined
      ? spread(subsidyTotal, schedule, horizon)
      : Array.from({ length: horizon + 1 }, (_, t) => (t === input.subsidyYear ? subsidyTotal : 0));
  const start = input.operationStartYear ?? 1;
  const growth = input.growthRates ?? {};

  const line = (base: number | undefined, rate: number | undefined, year: number): number =>
    year < start || !base ? 0 : Math.round(base * (1 + (rate ?? 0)) ** (year - start));

  const years: CashFlowYear[] = [];
  for (let year = 0; year <= horizon; year++) {
    const row = {
      year,
      investment: -investmentByYear[year] || 0,
      subsidy: subsidyByYear[year],
      runningCosts: -line(input.runningCostsPerYearCents, growth.runningCosts, year) || 0,
      savings: line(input.savingsPerYearCents, growth.savings, year),
      extraRevenue: line(input.extraRevenuePerYearCents, growth.extraRevenue, year),
      residualValue: year === horizon ? Math.round(input.residualValueCents ?? 0) : 0,
    };
    const net =
      row.investment + row.subsidy + row.runningCosts + row.savings + row.extraRevenue + row.residualValue;
    years.push({ ...row, net });
  }
  return years;
}

/** The net cash flow per year (index = year), as the finance functions take it. */
export function netCashFlows(years: readonly CashFlowYear[]): number[] {
  return years.map((y) => y.net);
}

function subsidyCents(input: CashFlowInput): number {
  const subsidy = input.subsidy;
  if (!subsidy) return 0;
  return 'rate' in subsidy ? Math.round(input.investmentCents * subsidy.rate) : Math.round(subsidy.amountCents);
}

/**
 * Splits a total over the years by shares; rounding the running total keeps the sum exact
 * (no cent gets lost or invented).
 */
function spread(totalCents: number, shares: readonly number[], horizon: number): number[] {
  const out = new Array<number>(horizon + 1).fill(0);
  let cumulativeShare = 0;
  let previous = 0;
  for (let t = 0; t < shares.length; t++) {
    cumulativeShare += shares[t];
    const upTo = t === shares.length - 1 ? Math.round(totalCents) : Math.round(totalCents * cumulativeShare);
    out[t] = upTo - previous;
    previous = upTo;
  }
  return out;
}

function validate(input: CashFlowInput): void {
  const fail = (field: string, rule: string): never => {
    throw new RangeError(`${field} ${rule}`);
  };
  const finite = (field: string, value: number | undefined) => {
    if (value !== undefined && !Number.isFinite(value)) fail(field, 'must be a finite number');
  };
  const { horizonYears: horizon } = input;
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > MAX_HORIZON_YEARS) {
    fail('horizonYears', `must be a whole number from 1 to ${MAX_HORIZON_YEARS}`);
  }
  finite('investmentCents', input.investmentCents);
  if (input.investmentCents < 0) fail('investmentCents', 'must not be negative');
  for (const field of ['runningCostsPerYearCents', 'savingsPerYearCents', 'extraRevenuePerYearCents'] as const) {
    finite(field, input[field]);
    if ((input[field] ?? 0) < 0) fail(field, 'must not be negative');
  }
  finite('residualValueCents', input.residualValueCents);
  const schedule = input.investmentSchedule;
  if (schedule) {
    if (schedule.length < 1 || schedule.length > horizon + 1) {
      fail('investmentSchedule', 'must have between 1 and horizonYears + 1 entries');
    }
    if (schedule.some((s) => !Number.isFinite(s) || s < 0)) fail('investmentSchedule', 'shares must not be negative');
    const sum = schedule.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > 1e-9) fail('investmentSchedule', 'shares must sum to 1');
  }
  const subsidy = input.subsidy;
  if (subsidy) {
    if ('rate' in subsidy) {
      if (!(subsidy.rate >= 0 && subsidy.rate <= 1)) fail('subsidy.rate', 'must be between 0 and 1');
    } else {
      finite('subsidy.amountCents', subsidy.amountCents);
      if (subsidy.amountCents < 0) fail('subsidy.amountCents', 'must not be negative');
      if (subsidy.amountCents > input.investmentCents) fail('subsidy.amountCents', 'must not exceed the investment');
    }
  }
  const yearInHorizon = (field: string, value: number | undefined) => {
    if (value !== undefined && (!Number.isInteger(value) || value < 0 || value > horizon)) {
      fail(field, 'must be a whole year from 0 to horizonYears');
    }
  };
  yearInHorizon('subsidyYear', input.subsidyYear);
  yearInHorizon('operationStartYear', input.operationStartYear);
  for (const [line, rate] of Object.entries(input.growthRates ?? {})) {
    if (rate !== undefined && !(Number.isFinite(rate) && rate > -1)) fail(`growthRates.${line}`, 'must be greater than -1');
  }
}
