import type { Condition, Level, LocalizedText, Measure, MeasureCatalogue } from '../catalogue/measure-schema.js';
import { CLASSIFICATION_ITEMS, type SuggestionContext } from './check-facts.js';
import { describeFact } from './describe-fact.js';
import { evaluateCondition, type MatchedFact } from './evaluate-condition.js';
import { quadrantOf, type Quadrant } from './matrix.js';
import { orderMeasures } from './order.js';

export interface SuggestionReason {
  /** `rule`: a trigger of the measure fired; `prerequisite`: another suggested measure needs it. */
  kind: 'rule' | 'prerequisite';
  text: LocalizedText;
  facts: MatchedFact[];
  /** For `prerequisite`: the measure that needs this one. */
  prerequisiteOf?: string;
}

export interface Suggestion {
  id: string;
  measure: Measure;
  reasons: SuggestionReason[];
  /** All reasons in one text. */
  reason: LocalizedText;
  /** Item ids (or `dimension:<id>` where a score gives no item) behind the reasons; never empty. */
  reasonItems: string[];
  /** Suggested measures this one depends on; each comes earlier in the list. */
  dependsOn: string[];
  effort: Level;
  benefit: Level;
  quadrant: Quadrant;
}

/** Item ids behind one fact; a low score is explained by the answers that cost it points. */
function itemsOfFact(fact: MatchedFact, ctx: SuggestionContext): string[] {
  switch (fact.kind) {
    case 'item':
      return [fact.item];
    case 'classification': {
      // The answered items that decided it; when the result arrives without answers, the items that define it.
      const answered = CLASSIFICATION_ITEMS[fact.name].filter((item) => {
        const answer = ctx.answers[item];
        return answer !== undefined && answer !== 'na';
      });
      return answered.length > 0 ? answered : [...CLASSIFICATION_ITEMS[fact.name]];
    }
    case 'dimension': {
      // A low score is explained by the answers that left the most points open, a high one by
      // the answers that earned points.
      const contributions = [...(ctx.result.dimensions.find((d) => d.id === fact.dimension)?.contributions ?? [])];
      const relevant =
        fact.op === 'below'
          ? contributions.filter((c) => c.potential > 0).sort((a, b) => b.potential - a.potential)
          : contributions.filter((c) => (c.scoreShare ?? 1) > 0);
      const items = relevant.map((c) => c.itemId);
      return items.length > 0 ? items : [`dimension:${fact.dimension}`];
    }
    case 'profile':
      return [];
  }
}

function ruleReasonText(because: LocalizedText, facts: MatchedFact[]): LocalizedText {
  const described = facts.map(describeFact);
  if (described.length === 0) return because;
  return {
    de: `${because.de} (${described.map((d) => d.de).join('; ')})`,
    en: `${because.en} (${described.map((d) => d.en).join('; ')})`,
  };
}

function joinReasons(reasons: SuggestionReason[]): LocalizedText {
  return { de: reasons.map((r) => r.text.de).join(' '), en: reasons.map((r) => r.text.en).join(' ') };
}

const unique = (values: string[]) => [...new Set(values)];

/**
 * Proposes measures from a Digital-Check result. A measure is proposed when at least one of its
 * triggers fires on given answers or scores, it is not already in place (`doneWhen`) and it fits
 * the firm (`notApplicableWhen`). Its
 * prerequisites are added too (reason "prerequisite of …", with the reason items of the measure
 * that needs them) unless already in place. The list is ordered: every measure after the measures
 * it depends on, quick wins first.
 */
export function suggestMeasures(ctx: SuggestionContext, catalogue: MeasureCatalogue): Suggestion[] {
  const byId = new Map(catalogue.measures.map((m) => [m.id, m]));
  const holds = (condition: Condition | undefined) => condition !== undefined && evaluateCondition(condition, ctx) !== null;
  const done = new Set(catalogue.measures.filter((m) => holds(m.doneWhen) || holds(m.notApplicableWhen)).map((m) => m.id));

  const reasons = new Map<string, SuggestionReason[]>();
  const items = new Map<string, string[]>();

  for (const measure of catalogue.measures) {
    if (done.has(measure.id)) continue;
    for (const trigger of measure.triggers) {
      const facts = evaluateCondition(trigger.when, ctx);
      if (!facts) continue;
      const factItems = unique(facts.flatMap((f) => itemsOfFact(f, ctx)));
      if (factItems.length === 0) continue;
      reasons.set(measure.id, [
        ...(reasons.get(measure.id) ?? []),
        { kind: 'rule', text: ruleReasonText(trigger.because, facts), facts },
      ]);
      items.set(measure.id, unique([...(items.get(measure.id) ?? []), ...factItems]));
    }
  }

  const queue = [...reasons.keys()];
  while (queue.length > 0) {
    const id = queue.shift()!;
    const measure = byId.get(id)!;
    for (const prerequisiteId of measure.prerequisites) {
      if (done.has(prerequisiteId)) continue;
      const existing = reasons.get(prerequisiteId);
      if (existing?.some((r) => r.kind === 'rule')) continue;
      if (existing?.some((r) => r.prerequisiteOf === id)) continue;
      const reason: SuggestionReason = {
        kind: 'prerequisite',
        text: { de: `Voraussetzung für »${measure.title.de}«.`, en: `Prerequisite of "${measure.title.en}".` },
        facts: [],
        prerequisiteOf: id,
      };
      reasons.set(prerequisiteId, [...(existing ?? []), reason]);
      if (!existing) queue.push(prerequisiteId);
    }
  }

  // Prerequisite-only measures inherit the reason items of the measures that need them.
  for (let changed = true; changed; ) {
    changed = false;
    for (const [id, rs] of reasons) {
      for (const r of rs) {
        if (r.kind !== 'prerequisite') continue;
        const before = items.get(id) ?? [];
        const after = unique([...before, ...(items.get(r.prerequisiteOf!) ?? [])]);
        if (after.length !== before.length) {
          items.set(id, after);
          changed = true;
        }
      }
    }
  }

  const suggestions: Suggestion[] = catalogue.measures
    .filter((m) => reasons.has(m.id))
    .map((measure) => {
      const rs = reasons.get(measure.id)!;
      return {
        id: measure.id,
        measure,
        reasons: rs,
        reason: joinReasons(rs),
        reasonItems: items.get(measure.id) ?? [],
        dependsOn: measure.prerequisites.filter((p) => reasons.has(p)),
        effort: measure.effort.level,
        benefit: measure.benefit,
        quadrant: quadrantOf(measure.effort.level, measure.benefit),
      };
    });
  return orderMeasures(suggestions);
}
