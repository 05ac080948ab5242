import { z } from 'zod';
import { parsePairKey } from './domain/scenario-analysis.js';

const id = z.string().min(1).max(100);
const factorId = id.regex(/^[^.|]+$/, 'a factor id must not contain "." or "|"');
const levelId = id.regex(/^[^|]+$/, 'a level id must not contain "|"');

/**
 * The input of `werkverbund strategy scenarios` (and of the module's analysis): factors with
 * their levels, the cross-impact matrix and the consistency values. Every reference is checked,
 * so `analyseScenarios` can rely on it.
 */
export const scenarioAnalysisInputSchema = z
  .object({
    factors: z
      .array(z.object({ id: factorId, levels: z.array(levelId).min(1).max(50) }).strict())
      .min(2, 'a consistency analysis needs at least two factors')
      .max(40),
    impact: z.array(z.array(z.number().nullable())),
    consistency: z.record(z.string(), z.number().int().min(-3).max(3)).default({}),
    threshold: z.number().int().min(-3).max(3).default(0),
  })
  .strict()
  .superRefine((input, ctx) => {
    const n = input.factors.length;
    const factors = new Map<string, Set<string>>();
    input.factors.forEach((f, i) => {
      if (factors.has(f.id)) ctx.addIssue({ code: 'custom', path: ['factors', i, 'id'], message: `factor "${f.id}" is given twice` });
      factors.set(f.id, new Set(f.levels));
      if (new Set(f.levels).size !== f.levels.length) ctx.addIssue({ code: 'custom', path: ['factors', i, 'levels'], message: `factor "${f.id}" has a level twice` });
    });
    if (input.impact.length !== n) ctx.addIssue({ code: 'custom', path: ['impact'], message: `needs ${n} rows, one per factor (has ${input.impact.length})` });
    input.impact.forEach((row, i) => {
      if (row.length !== n) ctx.addIssue({ code: 'custom', path: ['impact', i], message: `needs ${n} values, one per factor (has ${row.length})` });
      row.forEach((v, j) => {
        const valid = v !== null && Number.isInteger(v) && v >= 0 && v <= 3;
        if (i !== j && !valid) ctx.addIssue({ code: 'custom', path: ['impact', i, j], message: 'needs a whole number 0–3 (only the diagonal is ignored)' });
      });
    });
    const seen = new Set<string>();
    for (const key of Object.keys(input.consistency)) {
      const pair = parsePairKey(key);
      const path = ['consistency', key];
      if (!pair) {
        ctx.addIssue({ code: 'custom', path, message: 'a pair is written "<factor>.<level>|<factor>.<level>"' });
        continue;
      }
      const unknown = pair.find((p) => !factors.get(p.factor)?.has(p.level));
      if (unknown) {
        ctx.addIssue({ code: 'custom', path, message: factors.has(unknown.factor) ? `factor "${unknown.factor}" has no level "${unknown.level}"` : `no factor "${unknown.factor}"` });
        continue;
      }
      if (pair[0].factor === pair[1].factor) {
        ctx.addIssue({ code: 'custom', path, message: 'a pair needs two different factors' });
        continue;
      }
      const canonical = pair.map((p) => `${p.factor}.${p.level}`).sort().join('|');
      if (seen.has(canonical)) ctx.addIssue({ code: 'custom', path, message: 'this pair is given twice (also counts in the other order)' });
      seen.add(canonical);
    }
  });
