import type { Answers } from './answers.js';
import { scoreDimensions } from './dimension-score.js';
import type { DimensionId, Item, Questionnaire } from './questionnaire-schema.js';

export interface CheckSnapshot {
  questionnaire: Questionnaire;
  answers: Answers;
}

export interface DimensionChange {
  id: DimensionId;
  /** Scores over the shared items only; null when too few of them were answered. */
  before: number | null;
  after: number | null;
  change: number | null;
  sharedItems: number;
}

export interface CheckComparison {
  fromVersion: string;
  toVersion: string;
  sharedItemIds: string[];
  dimensions: DimensionChange[];
}

/** Items count as shared when both versions have the same id with the same answer type. */
function sharedItemIds(a: Questionnaire, b: Questionnaire): string[] {
  const other = new Map<string, Item>(b.items.map((i) => [i.id, i]));
  return a.items.filter((i) => other.get(i.id)?.type === i.type).map((i) => i.id);
}

/**
 * Compares an earlier and a later check per dimension. Both are re-scored on the items both
 * questionnaire versions share (each with its own version's points and weights), so a change
 * reflects changed answers, not changed questions.
 */
export function compareChecks(earlier: CheckSnapshot, later: CheckSnapshot): CheckComparison {
  const shared = sharedItemIds(earlier.questionnaire, later.questionnaire);
  const only = new Set(shared);
  const before = scoreDimensions(earlier.questionnaire, earlier.answers, { onlyItems: only });
  const after = scoreDimensions(later.questionnaire, later.answers, { onlyItems: only });
  return {
    fromVersion: earlier.questionnaire.version,
    toVersion: later.questionnaire.version,
    sharedItemIds: shared,
    dimensions: after.map((a) => {
      const b = before.find((x) => x.id === a.id);
      const feeds = (q: Questionnaire) => new Set(q.items.filter((i) => only.has(i.id) && i.feeds.some((f) => f.dimension === a.id)).map((i) => i.id));
      const inBoth = [...feeds(later.questionnaire)].filter((id) => feeds(earlier.questionnaire).has(id)).length;
      const beforeScore = b?.score ?? null;
      return {
        id: a.id,
        before: beforeScore,
        after: a.score,
        change: beforeScore === null || a.score === null ? null : a.score - beforeScore,
        sharedItems: inBoth,
      };
    }),
  };
}
