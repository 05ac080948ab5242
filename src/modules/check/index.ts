/**
 * What other modules may use of the Digital-Check on the server: its completed results, plus
 * everything of public.ts. Other modules never read the check tables directly.
 */
import type { Db } from '../../kernel/db/database.js';
import type { Answers } from './domain/answers.js';
import type { CheckResult } from './domain/score-check.js';
import { listRuns } from './check.store.js';

export * from './public.js';

export interface CompletedCheck {
  checkId: string;
  completedAt: string;
  questionnaireVersion: string;
  answers: Answers;
  result: CheckResult;
}

/** Completed checks of a company, newest first. */
export async function completedChecks(db: Db, tenantId: string): Promise<CompletedCheck[]> {
  const runs = await listRuns(db, tenantId);
  return runs
    .filter((r) => r.status === 'completed' && r.result && r.combined_answers)
    .map((r) => ({
      checkId: r.id,
      completedAt: new Date(r.completed_at!).toISOString(),
      questionnaireVersion: r.questionnaire_version,
      answers: r.combined_answers!,
      result: r.result!,
    }));
}
