import { findCycle } from './find-cycle.js';
import { formatQuarter, parseQuarter, quarterStart, type QuarterIndex } from './quarter.js';

/** How much change a firm can carry at once. */
export interface Capacity {
  /** Measures running in the same quarter. */
  parallel: number;
  /** Person-days the firm can put into measures per quarter. */
  personDaysPerQuarter: number;
}

export const CAPACITY_CLASSES = ['micro', 'small', 'medium', 'large'] as const;
export type CapacityClass = (typeof CAPACITY_CLASSES)[number];

/**
 * Planning assumption per size class (EU SME classes by employees: micro < 10, small 10–49,
 * medium 50–249, large 250+). Roughly one person-day a week can go into change in a micro firm,
 * two in a small one, and so on. The study's classes (< 100, 100–249, 250–499) are not used here
 * because they put a 3-person job shop and a 90-person firm into the same class.
 */
export const CAPACITY_BY_CLASS: Record<CapacityClass, Capacity> = {
  micro: { parallel: 1, personDaysPerQuarter: 15 },
  small: { parallel: 2, personDaysPerQuarter: 30 },
  medium: { parallel: 3, personDaysPerQuarter: 60 },
  large: { parallel: 4, personDaysPerQuarter: 120 },
};

/** Size class for capacity planning; unknown size is planned as micro so nothing is overloaded. */
export function capacityClassOf(employees: number | undefined): CapacityClass {
  if (employees === undefined || employees < 10) return 'micro';
  if (employees < 50) return 'small';
  if (employees < 250) return 'medium';
  return 'large';
}

export interface PlannableMeasure {
  id: string;
  dependsOn: readonly string[];
  durationQuarters: number;
  /** Typical person-days of the whole measure. */
  personDays: number;
}

export interface ScheduledMeasure {
  id: string;
  start: string;
  end: string;
  quarters: number;
  personDaysPerQuarter: number;
}

export interface Schedule {
  capacityClass: CapacityClass;
  capacity: Capacity;
  measures: ScheduledMeasure[];
  /** Yearly re-evaluation dates (ISO), one year apart from the start, until after the plan ends. */
  reviews: string[];
}

const EPSILON = 1e-9;

/** Dependencies first; otherwise input order. */
function dependencyOrder<T extends PlannableMeasure>(measures: readonly T[]): T[] {
  const ids = new Set(measures.map((m) => m.id));
  const placed = new Set<string>();
  const pending = [...measures];
  const result: T[] = [];
  while (pending.length > 0) {
    const i = pending.findIndex((m) => m.dependsOn.every((d) => !ids.has(d) || placed.has(d)));
    const [next] = pending.splice(i, 1);
    placed.add(next!.id);
    result.push(next!);
  }
  return result;
}

/**
 * Places accepted measures in quarters from `start`. In priority order (the input order,
 * dependencies first), each measure starts in the earliest quarter after all its prerequisites
 * have ended in which, for its whole duration, fewer than `parallel` measures run and the
 * person-days stay within the quarterly budget. A measure's person-days are spread evenly over
 * its quarters; a measure bigger than one quarter's budget is stretched over more quarters.
 */
export function scheduleMeasures(
  measures: readonly PlannableMeasure[],
  options: { start: string; employees?: number; capacity?: Capacity },
): Schedule {
  const ids = new Set<string>();
  for (const m of measures) {
    if (ids.has(m.id)) throw new Error(`duplicate measure id ${m.id}`);
    ids.add(m.id);
    if (!Number.isInteger(m.durationQuarters) || m.durationQuarters < 1) throw new Error(`${m.id}: duration must be a whole number of quarters ≥ 1`);
    if (!(m.personDays >= 0)) throw new Error(`${m.id}: person-days must be ≥ 0`);
  }
  const cycle = findCycle(measures);
  if (cycle) throw new Error(`measures depend on each other in a cycle: ${cycle.join(' → ')}`);

  const capacityClass = capacityClassOf(options.employees);
  const capacity = options.capacity ?? CAPACITY_BY_CLASS[capacityClass];
  if (capacity.parallel < 1 || !(capacity.personDaysPerQuarter > 0)) throw new Error('capacity must allow at least one measure and some person-days');
  const first = parseQuarter(options.start);

  const running = new Map<QuarterIndex, number>();
  const load = new Map<QuarterIndex, number>();
  const endOf = new Map<string, QuarterIndex>();
  const scheduled: ScheduledMeasure[] = [];

  for (const m of dependencyOrder(measures)) {
    const quarters = Math.max(m.durationQuarters, Math.ceil(m.personDays / capacity.personDaysPerQuarter - EPSILON));
    const perQuarter = m.personDays / quarters;
    let q = first;
    for (const d of m.dependsOn) {
      const end = endOf.get(d);
      if (end !== undefined) q = Math.max(q, end + 1);
    }
    const fits = (from: QuarterIndex) => {
      for (let k = from; k < from + quarters; k++) {
        if ((running.get(k) ?? 0) >= capacity.parallel) return false;
        if ((load.get(k) ?? 0) + perQuarter > capacity.personDaysPerQuarter + EPSILON) return false;
      }
      return true;
    };
    while (!fits(q)) q++;
    for (let k = q; k < q + quarters; k++) {
      running.set(k, (running.get(k) ?? 0) + 1);
      load.set(k, (load.get(k) ?? 0) + perQuarter);
    }
    endOf.set(m.id, q + quarters - 1);
    scheduled.push({
      id: m.id,
      start: formatQuarter(q),
      end: formatQuarter(q + quarters - 1),
      quarters,
      personDaysPerQuarter: Math.round(perQuarter * 10) / 10,
    });
  }

  const last = Math.max(first, ...endOf.values());
  const reviews: string[] = [];
  for (let q = first + 4; ; q += 4) {
    reviews.push(quarterStart(q));
    if (q > last) break;
  }
  return { capacityClass, capacity, measures: scheduled, reviews };
}
