import { getCompany } from '../../kernel/tenancy/company-store.js';
import { completedChecks, getQuestionnaire, visibleItemIds, type CompletedCheck } from '../check/index.js';
import { measureCatalogue } from './catalogue/measure-catalogue.js';
import { matchFunding } from './domain/funding.js';
import { suggestMeasures, type Suggestion } from './domain/suggest.js';
import { asCatalogue, listFunding } from './funding.service.js';
import { moduleSuggestions } from './module-suggestions.js';
import type { RoadmapContext } from './roadmap-context.js';
import { listPlanItems } from './roadmap.store.js';
import type { SuggestionsView } from './schemas.js';

/** Suggestions of the domain rules for one completed check, on the answers the check showed. */
export function suggestionsFor(check: CompletedCheck, profile: Parameters<typeof suggestMeasures>[0]['profile']): Suggestion[] {
  const visible = visibleItemIds(getQuestionnaire(check.questionnaireVersion), check.answers);
  const answers = Object.fromEntries(Object.entries(check.answers).filter(([id]) => visible.has(id)));
  return suggestMeasures({ result: check.result, answers, profile }, measureCatalogue);
}

/** Measures suggested by the latest completed check, each with reasons, matrix quadrant and funding. */
export async function listSuggestions(ctx: RoadmapContext): Promise<SuggestionsView> {
  const { db, tenant } = ctx;
  const [checks, company, plan, funding, others] = await Promise.all([
    completedChecks(db, tenant.tenantId),
    getCompany(db, tenant.tenantId),
    listPlanItems(db, tenant.tenantId),
    listFunding(ctx),
    moduleSuggestions(ctx),
  ]);
  const byRef = new Map(plan.filter((p) => p.source_ref).map((p) => [p.source_ref!, p]));
  const fromModules = others.map((s) => {
    const item = byRef.get(s.ref);
    return { ref: s.ref, moduleId: s.moduleId, source: s.source, title: s.title, description: s.description, reason: s.reason, effort: s.effort, planItem: item ? { id: item.id, status: item.status } : null };
  });
  const latest = checks[0];
  if (!latest) return { check: null, suggestions: [], fromModules };
  const profile = company?.profile ?? {};
  const catalogue = asCatalogue(funding);
  const today = new Date().toISOString().slice(0, 10);
  const inPlan = new Map(plan.filter((p) => p.measure_id).map((p) => [p.measure_id!, p]));
  return {
    check: { id: latest.checkId, completedAt: latest.completedAt },
    suggestions: suggestionsFor(latest, profile).map((s) => {
      const item = inPlan.get(s.id);
      return {
        id: s.id,
        title: s.measure.title,
        description: s.measure.description,
        microGoal: s.measure.microGoal,
        dimensions: s.measure.dimensions,
        reason: s.reason,
        reasons: s.reasons.map((r) => r.text),
        reasonItems: s.reasonItems,
        effort: s.effort,
        personDays: s.measure.effort.personDays.typical,
        cost: s.measure.cost,
        benefit: s.benefit,
        quadrant: s.quadrant,
        durationQuarters: s.measure.durationQuarters,
        timeToEffectMonths: s.measure.timeToEffectMonths,
        dependsOn: s.dependsOn,
        funding: matchFunding(s.measure, { state: profile.state }, catalogue, { on: today }).map((m) => ({
          programmeId: m.programme.id,
          name: m.programme.name,
          provider: m.programme.provider,
          scope: m.scope,
          historical: m.programme.historical,
          expired: m.expired,
        })),
        planItem: item ? { id: item.id, status: item.status } : null,
      };
    }),
    fromModules,
  };
}
