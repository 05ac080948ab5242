import type { DashboardContext, DashboardDeclaration } from '../../kernel/dashboard/dashboard-types.js';
import type { CheckResult } from './domain/score-check.js';
import { listRuns, type CheckRunRow } from './check.store.js';

/** The mean of the dimension scores that could be scored (0–100), or null. */
export function overallScore(result: CheckResult): number | null {
  const scores = result.dimensions.map((d) => d.score).filter((s): s is number => s !== null);
  return scores.length === 0 ? null : Math.round(scores.reduce((a, b) => a + b, 0) / scores.length);
}

async function runsOf(ctx: DashboardContext) {
  const runs = await ctx.cached('check.runs', () => listRuns(ctx.db, ctx.tenant.tenantId));
  const completed = runs
    .filter((r): r is CheckRunRow & { completed_at: Date; result: CheckResult } => r.status === 'completed' && r.completed_at !== null && r.result !== null)
    .sort((a, b) => new Date(b.completed_at).getTime() - new Date(a.completed_at).getTime());
  return { completed, open: runs.find((r) => r.status === 'open') };
}

const YEAR_MS = 365 * 86_400_000;

/** The latest check's score and date with the change against the one before; the start path's check and results. */
export const checkDashboard: DashboardDeclaration = {
  tiles: [
    {
      id: 'latestCheck',
      permission: 'check.read',
      async load(ctx) {
        const { completed, open } = await runsOf(ctx);
        const [latest, previous] = completed;
        if (!latest) {
          return { state: 'empty', link: open ? `/check/${open.id}` : '/check', figures: [] };
        }
        const score = overallScore(latest.result);
        const before = previous ? overallScore(previous.result) : null;
        const weakest = latest.result.dimensions
          .filter((d) => d.score !== null)
          .sort((a, b) => a.score! - b.score!)[0];
        const old = ctx.now.getTime() - new Date(latest.completed_at).getTime() > YEAR_MS;
        return {
          state: old ? 'attention' : 'ok',
          link: `/check/${latest.id}/results`,
          figures: [
            { id: 'score', value: score, format: 'number' },
            { id: 'completedAt', value: new Date(latest.completed_at).toISOString(), format: 'date' },
            // the change only when there is a check before to compare with
            ...(score !== null && before !== null ? [{ id: 'change', value: score - before, format: 'signed' as const }] : []),
          ],
          entries: weakest ? [{ label: weakest.name, link: `/check/${latest.id}/results`, figure: { id: 'weakest', value: weakest.score, format: 'number' } }] : [],
          // A year on, a new check shows what the measures changed.
          ...(old && !open ? { next: { link: '/check', priority: 1 } } : {}),
        };
      },
    },
  ],
  startSteps: [
    {
      id: 'answer',
      order: 20,
      minutes: 20,
      permission: 'check.answer',
      async load(ctx) {
        const { completed, open } = await runsOf(ctx);
        if (completed.length > 0) return { status: 'done', link: `/check/${completed[0]!.id}/results` };
        return open ? { status: 'started', link: `/check/${open.id}` } : { status: 'open', link: '/check' };
      },
    },
    {
      id: 'results',
      order: 30,
      minutes: 10,
      permission: 'check.read',
      async load(ctx) {
        const { completed } = await runsOf(ctx);
        return completed.length > 0 ? { status: 'done', link: `/check/${completed[0]!.id}/results` } : { status: 'open', link: '/check' };
      },
    },
  ],
};
