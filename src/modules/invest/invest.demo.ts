import { uuidv7 } from '../../kernel/db/uuid-v7.js';
import type { DemoContext } from '../../kernel/modules/module-manifest.js';
import { insertEvaluation } from './invest.store.js';
import { defaultCriteria } from './evaluation-defaults.js';
import { evaluationBody, type EvaluationBody } from './schemas.js';

const scores = (s: Record<string, number>) => defaultCriteria().map((c) => ({ ...c, score: s[c.id] ?? null }));

/** Two alternatives for the same budget: quick paperless shop floor versus connected machines. */
const DEMO_EVALUATIONS: EvaluationBody[] = [
  {
    title: 'Tablets in der Fertigung',
    description: 'Auftragsmappen, Zeichnungen und Rückmeldungen auf robusten Tablets an jedem Arbeitsplatz statt auf Papier.',
    measureId: 'tablets-shop-floor',
    horizonYears: 5,
    inputs: {
      investmentCents: 1_800_000,
      subsidy: { kind: 'amount', amountCents: 600_000 },
      fundingProgramme: 'Digitalisierungsprämie (Land)',
      runningCostsPerYearCents: 240_000,
      savingsPerYearCents: 780_000,
      residualValueCents: 100_000,
    },
    criteria: scores({ risk: 4, timeToEffect: 5, brandImage: 3, staffSatisfaction: 4, strategicFit: 3, supplierDependency: 3 }),
  },
  {
    title: 'Maschinendaten erfassen',
    description: 'Laufzeiten, Stillstände und Stückzahlen der zwölf CNC-Maschinen automatisch erfassen und auswerten.',
    measureId: 'machine-data-capture',
    horizonYears: 6,
    inputs: {
      investmentCents: 4_500_000,
      runningCostsPerYearCents: 360_000,
      savingsPerYearCents: 1_150_000,
      extraRevenuePerYearCents: 300_000,
    },
    criteria: scores({ risk: 2, timeToEffect: 2, brandImage: 3, staffSatisfaction: 3, strategicFit: 5, supplierDependency: 2 }),
  },
];

export async function investDemo({ db, tenantId, ownerId }: DemoContext): Promise<void> {
  for (const body of DEMO_EVALUATIONS) await insertEvaluation(db, tenantId, uuidv7(), ownerId, evaluationBody.parse(body));
}
