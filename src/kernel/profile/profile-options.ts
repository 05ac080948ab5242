/** Federal states of Germany (ISO 3166-2:DE suffixes). */
export const FEDERAL_STATES = [
  'BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH',
] as const;

/** Metropolitan regions the study (seed 004) reports separately. */
export const STUDY_REGIONS = ['stuttgart', 'muenchen', 'nord', 'rheinRuhr', 'other'] as const;

export const VALUE_CHAIN_POSITIONS = [
  'partsSupplier',
  'systemSupplier',
  'endProductB2B',
  'endProductB2C',
  'contractManufacturer',
  'serviceB2B',
  'serviceB2C',
] as const;

export const SERIES_TYPES = ['single', 'medium', 'large'] as const;
export const PRODUCT_COMPLEXITIES = ['simple', 'medium', 'complex'] as const;

export type StudyRegion = (typeof STUDY_REGIONS)[number];
export type SeriesType = (typeof SERIES_TYPES)[number];
export type ProductComplexity = (typeof PRODUCT_COMPLEXITIES)[number];

/**
 * Size classes as the study reports them (Fraunhofer ISI, Erhebung Modernisierung der
 * Produktion 2015: < 100, 100–249, 250–499 employees), plus 500+ for firms outside its range.
 */
export const SIZE_CLASSES = ['lt100', '100to249', '250to499', '500plus'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

export function sizeClassOf(employees: number): SizeClass {
  if (employees < 100) return 'lt100';
  if (employees < 250) return '100to249';
  if (employees < 500) return '250to499';
  return '500plus';
}

/** WZ 2008 section letter of a two-digit division. */
export function wzSectionOf(division: string): string | undefined {
  const d = Number(division);
  if (!Number.isInteger(d)) return undefined;
  const ranges: Array<[number, number, string]> = [
    [1, 3, 'A'], [5, 9, 'B'], [10, 33, 'C'], [35, 35, 'D'], [36, 39, 'E'], [41, 43, 'F'],
    [45, 47, 'G'], [49, 53, 'H'], [55, 56, 'I'], [58, 63, 'J'], [64, 66, 'K'], [68, 68, 'L'],
    [69, 75, 'M'], [77, 82, 'N'], [84, 84, 'O'], [85, 85, 'P'], [86, 88, 'Q'], [90, 93, 'R'],
    [94, 96, 'S'], [97, 98, 'T'], [99, 99, 'U'],
  ];
  return ranges.find(([lo, hi]) => d >= lo && d <= hi)?.[2];
}
