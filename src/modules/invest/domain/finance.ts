/**
 * Investment figures from yearly cash flows. `flows[t]` is the net cash flow of year t; year 0 is
 * not discounted and every flow counts at the end of its year. The functions are unit-free:
 * NPV comes out in the unit of the flows (cents in, cents out; euros in, euros out).
 */

/** Net present value: Σ flows[t] / (1 + rate)^t. */
export function npv(rate: number, flows: readonly number[]): number {
  checkRate(rate);
  checkFlows(flows);
  let sum = 0;
  for (let t = 0; t < flows.length; t++) sum += flows[t] / (1 + rate) ** t;
  return sum;
}

/** Running totals: cumulative[t] = flows[0] + … + flows[t]. */
export function cumulativeFlows(flows: readonly number[]): number[] {
  const out: number[] = [];
  let sum = 0;
  for (const flow of flows) out.push((sum += flow));
  return out;
}

/**
 * Every rate r > -1 at which the NPV changes sign, ascending.
 *
 * With x = 1/(1+r) the NPV is the polynomial Σ flows[t]·xᵗ, so Cauchy's bound limits where roots
 * can lie; that interval is scanned in ln(1+r) (finely where rates are plausible, from -99 % to
 * +1000 %) and each sign change is narrowed by bisection to full double precision. Roots where the
 * NPV only touches zero without changing sign, and two roots closer together than the scan step
 * (0.2 % in ln(1+r) in the plausible range), are not reported.
 */
export function irrCandidates(flows: readonly number[]): number[] {
  checkFlows(flows);
  const first = flows.findIndex((f) => f !== 0);
  if (first < 0) return [];
  let last = flows.length - 1;
  while (flows[last] === 0) last--;
  // Leading and trailing zero years only multiply the polynomial by a power of x.
  const c = flows.slice(first, last + 1);
  if (!c.some((f) => f < 0) || !c.some((f) => f > 0)) return [];
  const n = c.length - 1;

  const maxAfterFirst = Math.max(...c.slice(1).map(Math.abs));
  const maxBeforeLast = Math.max(...c.slice(0, n).map(Math.abs));
  const sHigh = Math.log1p(maxAfterFirst / Math.abs(c[0])) + 1e-6;
  const sLow = -Math.log1p(maxBeforeLast / Math.abs(c[n])) - 1e-6;

  // Same sign as the NPV at r = e^s - 1, evaluated without overflow for any s.
  const g = (s: number): number => {
    let acc = 0;
    if (s >= 0) {
      const x = Math.exp(-s);
      for (let t = n; t >= 0; t--) acc = acc * x + c[t];
    } else {
      const y = Math.exp(s);
      for (let t = 0; t <= n; t++) acc = acc * y + c[t];
    }
    return acc;
  };

  const plausibleLow = Math.log(0.01);
  const plausibleHigh = Math.log(11);
  const roots: number[] = [];
  let a = sLow;
  let ga = g(a);
  if (ga === 0) roots.push(a);
  while (a < sHigh) {
    const step = a >= plausibleLow && a < plausibleHigh ? 0.002 : 0.02;
    const b = Math.min(a + step, sHigh);
    const gb = g(b);
    if (gb === 0) roots.push(b);
    else if (ga !== 0 && Math.sign(ga) !== Math.sign(gb)) roots.push(bisect(g, a, ga, b));
    a = b;
    ga = gb;
  }
  return roots.map(Math.expm1);
}

/**
 * Internal rate of return: the rate at which the NPV is zero, or null when there is none (e.g.
 * all flows of one sign). When flows change sign more than once there can be several such
 * rates; then the one closest to 0 is returned (see `irrCandidates` to show all of them).
 */
export function irr(flows: readonly number[]): number | null {
  const candidates = irrCandidates(flows);
  if (candidates.length === 0) return null;
  return candidates.reduce((best, r) => (Math.abs(r) < Math.abs(best) ? r : best));
}

/**
 * Simple payback in years, interpolated linearly within the year.
 *
 * The payback year is the last year in which the cumulative flow turns from negative to
 * non-negative and stays non-negative until the end of the horizon; the flow of that year is
 * assumed to come in evenly over the year, so with cumulative C: payback = t + (-C[t]) / (C[t+1] - C[t])
 * where t is the last year with C[t] < 0. It is 0 when the cumulative flow is never negative, and
 * null when the cumulative flow is negative at the end of the horizon (money not back, even if it
 * was back for a while before). A cumulative within 10⁻¹² of the sum of absolute flows from zero
 * counts as zero, so rounding in decimal amounts does not hide a break-even.
 */
export function paybackYears(flows: readonly number[]): number | null {
  checkFlows(flows);
  if (flows.length === 0) return null;
  const cumulative = cumulativeFlows(flows);
  const tolerance = 1e-12 * flows.reduce((s, f) => s + Math.abs(f), 0);
  const negative = (value: number) => value < -tolerance;
  const end = flows.length - 1;
  if (negative(cumulative[end])) return null;
  let t = end;
  while (t >= 0 && !negative(cumulative[t])) t--;
  if (t < 0) return 0;
  const fraction = -cumulative[t] / (cumulative[t + 1] - cumulative[t]);
  return t + Math.min(fraction, 1);
}

/** Payback as in `paybackYears`, on the flows discounted to year 0 at `rate`. */
export function discountedPaybackYears(rate: number, flows: readonly number[]): number | null {
  checkRate(rate);
  return paybackYears(flows.map((f, t) => f / (1 + rate) ** t));
}

/**
 * Return on investment: the sum of all flows divided by the sum of the outflows (as a positive
 * number), undiscounted; null when there is no outflow.
 */
export function roi(flows: readonly number[]): number | null {
  checkFlows(flows);
  let sum = 0;
  let outflows = 0;
  for (const f of flows) {
    sum += f;
    if (f < 0) outflows -= f;
  }
  return outflows > 0 ? sum / outflows : null;
}

function bisect(g: (s: number) => number, a: number, ga: number, b: number): number {
  for (let i = 0; i < 200; i++) {
    const m = (a + b) / 2;
    if (m <= a || m >= b) break;
    const gm = g(m);
    if (gm === 0) return m;
    if (Math.sign(gm) === Math.sign(ga)) {
      a = m;
      ga = gm;
    } else {
      b = m;
    }
  }
  return (a + b) / 2;
}

function checkRate(rate: number): void {
  if (!(Number.isFinite(rate) && rate > -1)) throw new RangeError('rate must be a finite number greater than -1');
}

function checkFlows(flows: readonly number[]): void {
  if (!flows.every(Number.isFinite)) throw new RangeError('cash flows must be finite numbers');
}
