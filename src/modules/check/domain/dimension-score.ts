import { answerState, type AnswerValue, type Answers } from './answers.js';
import { pointsFor } from './item-points.js';
import { maxPointsOf, type DimensionId, type Localized, type Questionnaire } from './questionnaire-schema.js';
import { visibleItemIds } from './visibility.js';

export type Level = 1 | 2 | 3 | 4 | 5;

/** Lowest score of levels 2, 3, 4 and 5: level 1 is 0–19, 2 is 20–39, 3 is 40–59, 4 is 60–79, 5 is 80–100. */
export const LEVEL_THRESHOLDS = [20, 40, 60, 80] as const;

export function levelOf(score: number): Level {
  return (1 + LEVEL_THRESHOLDS.filter((t) => score >= t).length) as Level;
}

/** How one answered item moved a dimension score. */
export interface Contribution {
  itemId: string;
  answer: AnswerValue;
  points: number;
  maxPoints: number;
  weight: number;
  /** Score points (of 0–100) this answer contributes; the shares add up to the score. */
  scoreShare: number;
  /** Score points this answer leaves open compared with the best answer. */
  potential: number;
}

export interface DimensionScore {
  id: DimensionId;
  name: Localized;
  /** 0–100, rounded to a whole number; null when fewer than half of the applicable items were answered. */
  score: number | null;
  level: Level | null;
  levelDescription: Localized | null;
  /** What the next level looks like; null at level 5 or without a level. */
  nextLevelDescription: Localized | null;
  /** Visible items of this dimension not answered "na". */
  applicable: number;
  /** Applicable items with a real answer (not "unknown"). */
  answered: number;
  contributions: Contribution[];
  /** Applicable items still unanswered or answered "unknown". */
  openItems: string[];
}

export interface ScoreOptions {
  /** Restricts scoring to these item ids (used to compare questionnaire versions). */
  onlyItems?: ReadonlySet<string>;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Scores every dimension. Score = 100 × Σ weight·(points/maxPoints) / Σ weight over the answered
 * items feeding the dimension. Hidden items and "na" answers are not applicable; "unknown" is
 * applicable but unanswered. The score is null when answered < applicable / 2 or nothing was answered.
 */
export function scoreDimensions(questionnaire: Questionnaire, answers: Answers, options: ScoreOptions = {}): DimensionScore[] {
  const visible = visibleItemIds(questionnaire, answers);
  return questionnaire.dimensions.map((dimension) => {
    let applicable = 0;
    const openItems: string[] = [];
    const answered: Array<Omit<Contribution, 'scoreShare' | 'potential'>> = [];
    for (const item of questionnaire.items) {
      const feed = item.feeds.find((f) => f.dimension === dimension.id);
      if (!feed || !visible.has(item.id)) continue;
      if (options.onlyItems && !options.onlyItems.has(item.id)) continue;
      const value = answers[item.id];
      const state = answerState(item, value);
      if (state === 'na') continue;
      applicable += 1;
      if (state !== 'answered') {
        openItems.push(item.id);
        continue;
      }
      answered.push({ itemId: item.id, answer: value!, points: pointsFor(item, value!), maxPoints: maxPointsOf(item), weight: feed.weight });
    }
    const totalWeight = answered.reduce((s, c) => s + c.weight, 0);
    const contributions = answered.map((c) => ({
      ...c,
      scoreShare: totalWeight > 0 ? round1((100 * c.weight * (c.points / c.maxPoints)) / totalWeight) : 0,
      potential: totalWeight > 0 ? round1((100 * c.weight * (1 - c.points / c.maxPoints)) / totalWeight) : 0,
    }));
    const enough = answered.length > 0 && answered.length * 2 >= applicable;
    const raw = answered.reduce((s, c) => s + c.weight * (c.points / c.maxPoints), 0);
    const score = enough ? Math.round((100 * raw) / totalWeight) : null;
    const level = score === null ? null : levelOf(score);
    return {
      id: dimension.id,
      name: dimension.name,
      score,
      level,
      levelDescription: level === null ? null : dimension.levels[level - 1]!,
      nextLevelDescription: level === null || level === 5 ? null : dimension.levels[level]!,
      applicable,
      answered: answered.length,
      contributions,
      openItems,
    };
  });
}
