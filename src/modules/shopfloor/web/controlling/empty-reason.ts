import type { KpiRow } from './api';

export type Figure = 'availability' | 'performance' | 'quality' | 'oee' | 'scrapRate' | 'utilisation';
export type EmptyReason = 'noPlan' | 'noRun' | 'noQuantity';

/** Why a figure is empty (null): the denominator that is zero. Null when the figure has a value. */
export function emptyReason(row: Pick<KpiRow, Figure | 'plannedProductionMs'>, figure: Figure): EmptyReason | null {
  if (row[figure] !== null) return null;
  if (figure === 'quality' || figure === 'scrapRate') return 'noQuantity';
  if (figure === 'performance') return row.plannedProductionMs === 0 ? 'noPlan' : 'noRun';
  return 'noPlan';
}
