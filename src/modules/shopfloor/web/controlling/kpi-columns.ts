/** The controlling table's columns besides the row's name: hours and quantities, then the ratios. */
export const AMOUNT_COLUMNS = ['plannedHours', 'runHours', 'good', 'scrap'] as const;
export const FIGURE_COLUMNS = ['availability', 'performance', 'quality', 'oee', 'scrapRate', 'utilisation'] as const;
export type KpiColumn = (typeof AMOUNT_COLUMNS)[number] | (typeof FIGURE_COLUMNS)[number];
export type ColumnSet = 'figures' | 'amounts';

/**
 * From this width (px) all ten columns fit side by side; narrower (a tablet in portrait, or the side
 * navigation taking room) the table shows one set at a time and a switch reaches the other.
 */
export const ALL_COLUMNS_FROM = 880;

export function allColumnsFit(width: number): boolean {
  return width >= ALL_COLUMNS_FROM;
}

/** The columns shown at a table width, `set` choosing when not all fit. */
export function shownColumns(width: number, set: ColumnSet): KpiColumn[] {
  if (allColumnsFit(width)) return [...AMOUNT_COLUMNS, ...FIGURE_COLUMNS];
  return set === 'figures' ? [...FIGURE_COLUMNS] : [...AMOUNT_COLUMNS];
}
