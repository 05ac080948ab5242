import type { Db } from '../../kernel/db/database.js';
import type { RoadmapContext } from './roadmap-context.js';
import type { LocalizedText } from './catalogue/measure-schema.js';

/** A measure another module suggests from what it knows (e.g. a gap of the IT-security check). */
export interface ModuleMeasureSuggestion {
  /** Stable within the module, e.g. the requirement id. */
  key: string;
  title: LocalizedText;
  description: LocalizedText;
  reason: LocalizedText;
  effort: 'low' | 'medium' | 'high';
}

export type ModuleMeasureSuggestionSource = (db: Db, tenantId: string) => Promise<ModuleMeasureSuggestion[]>;

const sources = new Map<string, { label: LocalizedText; read: ModuleMeasureSuggestionSource }>();

/**
 * Called by a module when it is loaded, so the roadmap suggests its measures without importing it
 * or reading its tables: the module knows the roadmap, the roadmap does not know the module.
 */
export function provideMeasureSuggestions(moduleId: string, label: LocalizedText, read: ModuleMeasureSuggestionSource): void {
  sources.set(moduleId, { label, read });
}

/** The reference a plan item keeps of the suggestion it was taken from. */
export const suggestionRef = (moduleId: string, key: string) => `${moduleId}:${key}`;

/** Suggestions of every providing module that is on for the company. */
export async function moduleSuggestions(ctx: RoadmapContext): Promise<Array<ModuleMeasureSuggestion & { ref: string; moduleId: string; source: LocalizedText }>> {
  const out = [];
  for (const [moduleId, { label, read }] of sources) {
    if (!ctx.isModuleEnabled || !(await ctx.isModuleEnabled(moduleId))) continue;
    for (const s of await read(ctx.db, ctx.tenant.tenantId)) out.push({ ...s, ref: suggestionRef(moduleId, s.key), moduleId, source: label });
  }
  return out;
}
