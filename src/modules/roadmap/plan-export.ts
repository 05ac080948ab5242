import { type Table, toCsv } from '../../kernel/tabular/index.js';
import type { PlanView } from './schemas.js';

const COLUMNS = [
  'id', 'measureId', 'title', 'status', 'owner', 'startQuarter', 'endQuarter', 'microGoal', 'kpiName', 'kpiTarget', 'kpiUnit',
  'effort', 'benefit', 'quadrant', 'dimensions', 'acceptedAt', 'doneAt',
] as const;

/** The plan as a table: one line per measure, machine-readable column names, titles in the chosen language. */
export function planTable(plan: PlanView, lang: 'de' | 'en'): Table {
  return {
    header: COLUMNS,
    rows: plan.items.map((item) => {
      const values: Record<(typeof COLUMNS)[number], string | null> = {
        id: item.id,
        measureId: item.measureId,
        title: item.title[lang],
        status: item.status,
        owner: item.ownerName ?? item.ownerText,
        startQuarter: item.startQuarter,
        endQuarter: item.endQuarter,
        microGoal: item.microGoal,
        kpiName: item.kpiName,
        kpiTarget: item.kpiTarget,
        kpiUnit: item.kpiUnit,
        effort: item.effort,
        benefit: item.benefit,
        quadrant: item.quadrant,
        dimensions: item.dimensions.join(' '),
        acceptedAt: item.acceptedAt,
        doneAt: item.doneAt,
      };
      return COLUMNS.map((c) => values[c]);
    }),
  };
}

/** The plan as CSV (RFC 4180, comma-separated whatever the language, UTF-8 with BOM so spreadsheets read umlauts). */
export function planCsv(plan: PlanView, lang: 'de' | 'en'): string {
  return toCsv(planTable(plan, lang), { separator: ',', locale: 'en' });
}

/** The plan as JSON: items, schedule and re-evaluation dates, without the member list. */
export function planJson(plan: PlanView) {
  const { members: _members, ...rest } = plan;
  return { format: 'werkverbund.roadmap.plan', version: 1, exportedAt: new Date().toISOString(), ...rest };
}
