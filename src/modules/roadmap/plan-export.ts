import type { PlanView } from './schemas.js';

const COLUMNS = [
  'id', 'measureId', 'title', 'status', 'owner', 'startQuarter', 'endQuarter', 'microGoal', 'kpiName', 'kpiTarget', 'kpiUnit',
  'effort', 'benefit', 'quadrant', 'dimensions', 'acceptedAt', 'doneAt',
] as const;

function cell(value: string | null | undefined): string {
  let text = value ?? '';
  // A leading = + - @ would make a spreadsheet run the cell as a formula.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",;\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The plan as CSV (RFC 4180, comma-separated, UTF-8 with BOM so spreadsheets read umlauts). */
export function planCsv(plan: PlanView, lang: 'de' | 'en'): string {
  const lines = [COLUMNS.join(',')];
  for (const item of plan.items) {
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
    lines.push(COLUMNS.map((c) => cell(values[c])).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The plan as JSON: items, schedule and re-evaluation dates, without the member list. */
export function planJson(plan: PlanView) {
  const { members: _members, ...rest } = plan;
  return { format: 'werkverbund.roadmap.plan', version: 1, exportedAt: new Date().toISOString(), ...rest };
}
