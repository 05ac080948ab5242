/**
 * Process parameters of an operation (e.g. welding current, voltage, wire feed, gas flow): their
 * definitions on the routing operation, the check of the values a worker enters, and the tolerance
 * rule. Pure functions without I/O; shared by the server and the terminal.
 */

/** `photo`: the value is the id of a photo uploaded from the terminal (PUT …/photos/{id}). */
export type ParameterType = 'number' | 'text' | 'choice' | 'photo';

export interface ParameterDefinition {
  /** Stable name of the parameter within the operation; the values refer to it. */
  readonly id: string;
  readonly label: { readonly de: string; readonly en: string };
  readonly type: ParameterType;
  readonly required: boolean;
  /** Numbers only. */
  readonly unit?: string;
  readonly target?: number;
  /** Allowed deviation below / above the target (amounts ≥ 0); a side without one is unbounded. */
  readonly lowerTolerance?: number;
  readonly upperTolerance?: number;
  /** Choices only. */
  readonly options?: readonly string[];
}

export interface ParameterValue {
  readonly name: string;
  readonly value: number | string | boolean;
}

export interface RecordedParameter {
  readonly name: string;
  readonly value: number | string;
  readonly unit?: string;
  /** Computed on the server from the definition: a number outside target − lower … target + upper. */
  readonly outOfTolerance: boolean;
}

/** Lowest and highest value inside the tolerance (limits included); null = unbounded. */
export function toleranceLimits(def: Pick<ParameterDefinition, 'target' | 'lowerTolerance' | 'upperTolerance'>): { lower: number | null; upper: number | null } {
  if (def.target === undefined) return { lower: null, upper: null };
  return {
    lower: def.lowerTolerance === undefined ? null : def.target - def.lowerTolerance,
    upper: def.upperTolerance === undefined ? null : def.target + def.upperTolerance,
  };
}

/** Differences below this share of the magnitude are rounding noise of decimal inputs (24.1 − 0.1). */
const EPSILON = 1e-9;

/**
 * A number is out of tolerance when it lies below target − lowerTolerance or above
 * target + upperTolerance. The limits themselves are inside. Without a target nothing is out of
 * tolerance; a side without a tolerance is unbounded.
 */
export function isOutOfTolerance(value: number, def: Pick<ParameterDefinition, 'target' | 'lowerTolerance' | 'upperTolerance'>): boolean {
  const { lower, upper } = toleranceLimits(def);
  const slack = (limit: number) => EPSILON * Math.max(1, Math.abs(limit));
  if (lower !== null && value < lower - slack(lower)) return true;
  if (upper !== null && value > upper + slack(upper)) return true;
  return false;
}

export type ParameterIssueCode = 'unknown' | 'twice' | 'notANumber' | 'notAText' | 'notAnOption' | 'notAPhoto' | 'missing';

export interface ParameterIssue {
  /** Index of the value concerned; null for a required parameter that is missing. */
  readonly index: number | null;
  readonly name: string;
  readonly code: ParameterIssueCode;
}

const PHOTO_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks entered values against the operation's definitions; an empty list means all is fine. */
export function checkParameterValues(defs: readonly ParameterDefinition[], values: readonly ParameterValue[]): ParameterIssue[] {
  const byId = new Map(defs.map((d) => [d.id, d]));
  const issues: ParameterIssue[] = [];
  const seen = new Set<string>();
  values.forEach((v, index) => {
    const def = byId.get(v.name);
    if (!def) return issues.push({ index, name: v.name, code: 'unknown' });
    if (seen.has(v.name)) return issues.push({ index, name: v.name, code: 'twice' });
    seen.add(v.name);
    if (def.type === 'number' && (typeof v.value !== 'number' || !Number.isFinite(v.value))) issues.push({ index, name: v.name, code: 'notANumber' });
    if (def.type === 'text' && (typeof v.value !== 'string' || v.value.trim() === '')) issues.push({ index, name: v.name, code: 'notAText' });
    if (def.type === 'choice' && (typeof v.value !== 'string' || !(def.options ?? []).includes(v.value))) issues.push({ index, name: v.name, code: 'notAnOption' });
    if (def.type === 'photo' && (typeof v.value !== 'string' || !PHOTO_ID.test(v.value.trim()))) issues.push({ index, name: v.name, code: 'notAPhoto' });
    return undefined;
  });
  for (const d of defs) if (d.required && !seen.has(d.id)) issues.push({ index: null, name: d.id, code: 'missing' });
  return issues;
}

/** The values as stored: with the unit of the definition and the tolerance flag. Expects checked values. */
export function recordParameters(defs: readonly ParameterDefinition[], values: readonly ParameterValue[]): RecordedParameter[] {
  const byId = new Map(defs.map((d) => [d.id, d]));
  return values.map((v) => {
    const def = byId.get(v.name);
    const value = typeof v.value === 'string' ? v.value.trim() : (v.value as number);
    const numeric = def?.type === 'number' && typeof value === 'number';
    return {
      name: v.name,
      value,
      ...(numeric && def.unit ? { unit: def.unit } : {}),
      outOfTolerance: numeric ? isOutOfTolerance(value, def) : false,
    };
  });
}
