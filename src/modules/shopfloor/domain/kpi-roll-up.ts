import { type ProductionDimension, type ProductionKpiRow, scrapRate, utilisation } from './kpis';
import { oeeFromTimes } from './oee';

/** What a roll-up reads of a row: its keys and the additive figures. */
export type RollUpRow = Pick<ProductionKpiRow, 'workCentreId' | 'shift' | 'day' | 'month' | 'calendarMs' | 'plannedProductionMs' | 'runMs' | 'totalRunMs' | 'idealOutputMs' | 'good' | 'scrap'>;

const KEYS: Record<ProductionDimension, 'workCentreId' | 'shift' | 'day' | 'month'> = { workCentre: 'workCentreId', shift: 'shift', day: 'day', month: 'month' };

/**
 * Rows of a finer grouping summed up to a coarser one (a subset of its dimensions): times and counts
 * add up (the rows of a grouping partition the period), the ratios are computed again from the sums.
 * Gives the same figures as aggregating the facts again with the coarser grouping, without the work.
 */
export function rollUp(rows: readonly RollUpRow[], groupBy: readonly ProductionDimension[]): ProductionKpiRow[] {
  const keys = groupBy.map((d) => KEYS[d]);
  const groups = new Map<string, { key: Partial<ProductionKpiRow>; sums: Record<'calendarMs' | 'plannedProductionMs' | 'runMs' | 'totalRunMs' | 'idealOutputMs' | 'good' | 'scrap', number> }>();
  for (const r of rows) {
    const id = keys.map((k) => (r[k] === null ? '\u0002' : String(r[k] ?? ''))).join('\u0001');
    let g = groups.get(id);
    if (!g) {
      const key: Record<string, unknown> = {};
      for (const k of keys) key[k] = r[k];
      g = { key: key as Partial<ProductionKpiRow>, sums: { calendarMs: 0, plannedProductionMs: 0, runMs: 0, totalRunMs: 0, idealOutputMs: 0, good: 0, scrap: 0 } };
      groups.set(id, g);
    }
    for (const field of Object.keys(g.sums) as Array<keyof typeof g.sums>) g.sums[field] += r[field];
  }
  const out: ProductionKpiRow[] = [];
  for (const { key, sums } of groups.values()) {
    // Sums of floating-point parts may exceed their whole by a rounding error.
    const runMs = Math.min(sums.runMs, sums.plannedProductionMs);
    const oee = oeeFromTimes({ ...sums, runMs });
    out.push({ ...key, ...sums, runMs, ...oee, scrapRate: scrapRate(sums.good, sums.scrap), utilisation: utilisation(sums.totalRunMs, sums.calendarMs) });
  }
  return out.sort((a, b) => cmp(a.workCentreId, b.workCentreId) || cmp(a.month, b.month) || cmp(a.day, b.day) || cmp(a.shift === null ? '\uffff' : a.shift, b.shift === null ? '\uffff' : b.shift));
}

const cmp = (a: string | undefined, b: string | undefined) => {
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
};
