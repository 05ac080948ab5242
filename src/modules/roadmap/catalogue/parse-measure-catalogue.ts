import { findCycle } from '../domain/find-cycle.js';
import { EFFORT_PERSON_DAYS, measureCatalogueSchema, type MeasureCatalogue } from './measure-schema.js';

/**
 * Validates measure-catalogue data: the schema, unique ids, prerequisites that exist, no cycles,
 * and person-days that fit the effort level. Throws one error listing every problem.
 */
export function parseMeasureCatalogue(data: unknown): MeasureCatalogue {
  const parsed = measureCatalogueSchema.safeParse(data);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`invalid measure catalogue:\n${lines.join('\n')}`);
  }
  const catalogue = parsed.data;
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const m of catalogue.measures) {
    if (ids.has(m.id)) problems.push(`duplicate measure id ${m.id}`);
    ids.add(m.id);
  }
  for (const m of catalogue.measures) {
    for (const p of m.prerequisites) {
      if (p === m.id) problems.push(`${m.id} lists itself as prerequisite`);
      else if (!ids.has(p)) problems.push(`${m.id}: unknown prerequisite ${p}`);
    }
    const { min, typical, max } = m.effort.personDays;
    if (!(min <= typical && typical <= max)) problems.push(`${m.id}: person-days must satisfy min ≤ typical ≤ max`);
    const band = EFFORT_PERSON_DAYS[m.effort.level];
    if (typical < band.min || typical > band.max) {
      problems.push(`${m.id}: ${typical} typical person-days do not fit effort ${m.effort.level}`);
    }
  }
  const cycle = findCycle(catalogue.measures.map((m) => ({ id: m.id, dependsOn: m.prerequisites })));
  if (cycle) problems.push(`prerequisites form a cycle: ${cycle.join(' → ')}`);
  if (problems.length > 0) throw new Error(`invalid measure catalogue:\n${problems.join('\n')}`);
  return catalogue;
}
