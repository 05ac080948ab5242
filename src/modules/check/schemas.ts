import { z } from 'zod';
import type { CheckComparison } from './domain/check-comparison.js';
import type { CombinedAnswers, RespondentRole } from './domain/combine-respondents.js';
import type { Answers } from './domain/answers.js';
import type { DimensionId } from './domain/questionnaire-schema.js';
import type { CheckResult } from './domain/score-check.js';

/** The API contract of the Digital-Check, shared by routes and web pages. */

export const checkParams = z.object({ companyId: z.uuid(), checkId: z.uuid() });

/** Partial answers to merge into the caller's own response; `null` removes an answer. */
export const saveAnswersBody = z.object({
  answers: z.record(z.string().max(100), z.union([z.boolean(), z.number(), z.string().max(100), z.null()])),
});

export const checkSettingsBody = z.object({ peerOptIn: z.boolean() });

export type CheckStatus = 'open' | 'completed';

export interface CheckRunSummary {
  id: string;
  questionnaireVersion: string;
  status: CheckStatus;
  createdAt: string;
  completedAt: string | null;
  respondentCount: number;
  /** Frozen dimension scores of a completed check; null while open. */
  dimensions: Array<{ id: DimensionId; score: number | null; level: number | null }> | null;
}

export interface CheckRunDetail extends CheckRunSummary {
  /** The caller's own answers (save and resume). */
  myAnswers: Answers;
  /** Items to show given the caller's answers (screener → deeper sections). */
  visibleItemIds: string[];
  progress: { visible: number; answered: number };
}

export interface CheckRespondent {
  userId: string;
  name: string;
  role: RespondentRole;
  answeredItems: number;
  updatedAt: string;
}

export interface CheckResultView {
  run: CheckRunSummary;
  /** Scored on the combined answers of all respondents. */
  result: CheckResult;
  agreement: CombinedAnswers['items'] extends infer I ? { items: I; dimensions: CombinedAnswers['dimensions']; roles: CombinedAnswers['roles'] } : never;
  /** Who answered: only for owners and admins (null for everyone else). */
  respondents: CheckRespondent[] | null;
  /** Anonymous comparison among opted-in firms of the same size class and WZ section (≥ 5 firms). */
  peers: {
    optedIn: boolean;
    groupSize: number | null;
    dimensions: Array<{ id: DimensionId; percentile: number | null; median: number | null }>;
  };
  /** Change since the last completed check (shared items only). */
  previous: { runId: string; completedAt: string; comparison: CheckComparison } | null;
  /** All completed checks, oldest first. */
  history: Array<{ runId: string; completedAt: string; questionnaireVersion: string; dimensions: Array<{ id: DimensionId; score: number | null }> }>;
}
