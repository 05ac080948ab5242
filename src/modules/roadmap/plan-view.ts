import { measureCatalogue } from './catalogue/measure-catalogue.js';
import type { Measure } from './catalogue/measure-schema.js';
import { quadrantOf } from './domain/matrix.js';
import type { PlanItemRow } from './roadmap.store.js';
import type { PlanItemEvaluationView, PlanItemView } from './schemas.js';

export const measuresById = new Map<string, Measure>(measureCatalogue.measures.map((m) => [m.id, m]));

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** Plan rows as the API shows them: catalogue measures with their catalogue facts, own measures as written. */
export function toPlanItemViews(rows: PlanItemRow[], evaluations: ReadonlyMap<string, PlanItemEvaluationView[]> = new Map()): PlanItemView[] {
  const idOfMeasure = new Map(rows.filter((r) => r.measure_id && r.status !== 'dropped').map((r) => [r.measure_id!, r.id]));
  return rows.map((row) => {
    const measure = row.measure_id ? measuresById.get(row.measure_id) : undefined;
    return {
      id: row.id,
      measureId: row.measure_id,
      title: measure ? measure.title : { de: row.title ?? '', en: row.title ?? '' },
      description: measure ? measure.description : row.description ? { de: row.description, en: row.description } : null,
      custom: !row.measure_id,
      status: row.status,
      ownerUserId: row.owner_user_id,
      ownerName: row.owner_name,
      ownerText: row.owner_text,
      startQuarter: row.start_quarter,
      endQuarter: row.end_quarter,
      microGoal: row.micro_goal,
      kpiName: row.kpi_name,
      kpiTarget: row.kpi_target,
      kpiUnit: row.kpi_unit,
      sourceCheckId: row.source_check_id,
      acceptedAt: iso(row.accepted_at)!,
      doneAt: iso(row.done_at),
      dimensions: measure?.dimensions ?? [],
      effort: measure?.effort.level ?? null,
      benefit: measure?.benefit ?? null,
      quadrant: measure ? quadrantOf(measure.effort.level, measure.benefit) : null,
      dependsOn: (measure?.prerequisites ?? []).map((p) => idOfMeasure.get(p)).filter((id): id is string => id !== undefined),
      evaluations: evaluations.get(row.id) ?? [],
    };
  });
}
