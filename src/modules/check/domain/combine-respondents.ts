import { answerState, type AnswerValue, type Answers } from './answers.js';
import { DIMENSION_IDS, NOT_APPLICABLE, UNKNOWN, type DimensionId, type Item, type Questionnaire } from './questionnaire-schema.js';

export const RESPONDENT_ROLES = ['owner', 'admin', 'member', 'viewer', 'advisor', 'shopfloor'] as const;
export type RespondentRole = (typeof RESPONDENT_ROLES)[number];

export interface Respondent {
  id: string;
  role: RespondentRole;
  answers: Answers;
}

export interface ItemAgreement {
  itemId: string;
  /** Respondents who gave any answer (including "na" and "unknown"). */
  respondents: number;
  /** 0 = all agree, 1 = maximal disagreement; null when fewer than two comparable answers. */
  disagreement: number | null;
}

export interface CombinedAnswers {
  answers: Answers;
  items: ItemAgreement[];
  /** Weighted mean of the item disagreements of the items feeding the dimension. */
  dimensions: Array<{ id: DimensionId; disagreement: number | null }>;
  /** How far each role's answers lie from the combined answers (0–1), and how many answered. */
  roles: Array<{ role: RespondentRole; respondents: number; deviation: number | null }>;
}

/** Lower median: for an even count the lower of the two middle values (an answer someone gave). */
function lowerMedian(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return sorted.length % 2 === 1 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The most frequent value, or "unknown" when two or more values are equally frequent. */
function majority(values: AnswerValue[]): AnswerValue {
  const counts = new Map<AnswerValue, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const top = Math.max(...counts.values());
  const leaders = [...counts].filter(([, n]) => n === top);
  return leaders.length === 1 ? leaders[0]![0] : UNKNOWN;
}

/**
 * Combines the answers of several respondents to one item:
 * - nobody answered → absent;
 * - more than half of those who answered said "na" → "na";
 * - otherwise the real answers (neither "na" nor "unknown") are combined: scale and integer by the
 *   lower median, number by the median, boolean and choice by majority — a tie gives "unknown";
 * - no real answers → "unknown" if anyone said so, else "na".
 */
export function combineItem(item: Item, values: AnswerValue[]): AnswerValue | undefined {
  if (values.length === 0) return undefined;
  const states = values.map((v) => answerState(item, v));
  if (states.filter((s) => s === 'na').length * 2 > values.length) return NOT_APPLICABLE;
  const real = values.filter((_, i) => states[i] === 'answered');
  if (real.length === 0) return states.includes('unknown') ? UNKNOWN : NOT_APPLICABLE;
  switch (item.type) {
    case 'scale':
    case 'integer':
      return lowerMedian(real as number[]);
    case 'number':
      return median(real as number[]);
    case 'boolean':
    case 'choice':
      return majority(real);
  }
}

/** Distance of two answers, 0–1; null when either is "don't know" (no opinion, no disagreement). */
export function answerDistance(item: Item, a: AnswerValue, b: AnswerValue): number | null {
  const sa = answerState(item, a);
  const sb = answerState(item, b);
  if (sa === 'unknown' || sb === 'unknown' || sa === 'absent' || sb === 'absent') return null;
  if (sa === 'na' || sb === 'na') return sa === sb ? 0 : 1;
  switch (item.type) {
    case 'scale':
      return Math.abs((a as number) - (b as number)) / 4;
    case 'number':
      return item.max === item.min ? 0 : Math.abs((a as number) - (b as number)) / (item.max - item.min);
    case 'integer': {
      // Without an upper bound the difference is taken relative to the larger answer.
      const x = a as number;
      const y = b as number;
      if (item.max !== undefined) return item.max === item.min ? 0 : Math.abs(x - y) / (item.max - item.min);
      const larger = Math.max(Math.abs(x - item.min), Math.abs(y - item.min));
      return larger === 0 ? 0 : Math.abs(x - y) / larger;
    }
    case 'boolean':
    case 'choice':
      return a === b ? 0 : 1;
  }
}

/** Mean distance over all pairs of respondents; null when fewer than two comparable answers. */
export function itemDisagreement(item: Item, values: AnswerValue[]): number | null {
  const distances: number[] = [];
  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const d = answerDistance(item, values[i]!, values[j]!);
      if (d !== null) distances.push(d);
    }
  }
  return distances.length === 0 ? null : distances.reduce((s, d) => s + d, 0) / distances.length;
}

const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length);

/** Combines several respondents' answers and measures where they disagree. */
export function combineRespondents(questionnaire: Questionnaire, respondents: readonly Respondent[]): CombinedAnswers {
  const answers: Answers = {};
  const items: ItemAgreement[] = [];
  for (const item of questionnaire.items) {
    const values = respondents.map((r) => r.answers[item.id]).filter((v): v is AnswerValue => v !== undefined);
    const combined = combineItem(item, values);
    if (combined !== undefined) answers[item.id] = combined;
    items.push({ itemId: item.id, respondents: values.length, disagreement: itemDisagreement(item, values) });
  }
  const byId = new Map(items.map((i) => [i.itemId, i]));

  const dimensions = DIMENSION_IDS.map((id) => {
    let weighted = 0;
    let weights = 0;
    for (const item of questionnaire.items) {
      const feed = item.feeds.find((f) => f.dimension === id);
      const d = byId.get(item.id)!.disagreement;
      if (!feed || d === null) continue;
      weighted += feed.weight * d;
      weights += feed.weight;
    }
    return { id, disagreement: weights === 0 ? null : weighted / weights };
  });

  const roles = RESPONDENT_ROLES.map((role) => {
    const members = respondents.filter((r) => r.role === role);
    const distances: number[] = [];
    for (const r of members) {
      for (const item of questionnaire.items) {
        const own = r.answers[item.id];
        const combined = answers[item.id];
        if (own === undefined || combined === undefined) continue;
        const d = answerDistance(item, own, combined);
        if (d !== null) distances.push(d);
      }
    }
    return { role, respondents: members.length, deviation: mean(distances) };
  });

  return { answers, items, dimensions, roles };
}
