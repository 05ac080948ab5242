/**
 * The record of processing activities (GDPR Art. 30 (1)): one activity per kind of personal data a
 * switched-on module declares, completed by hand where only the firm knows the answer, and the
 * changes between two versions of the record. Pure.
 */

type Localized = { de: string; en: string };

/** What a module's manifest declares (`personalData`). */
export interface Declaration {
  moduleId: string;
  moduleName: Localized;
  category: Localized;
  purpose: Localized;
  dataSubjects: Localized;
  retention: Localized;
}

/** What the firm adds to an activity: (d) recipients, processors, (e) third countries. */
export interface ActivityCompletion {
  recipients: string | null;
  processors: string | null;
  thirdCountries: string | null;
}

/** (a) the controller and (g) the technical and organisational measures. */
export interface Controller {
  name: string | null;
  address: string | null;
  contact: string | null;
  representative: string | null;
  dataProtectionOfficer: string | null;
  measures: string | null;
}

export interface Activity extends Declaration, ActivityCompletion {
  key: string;
}

export interface ProcessingRecord {
  controller: Controller;
  activities: Activity[];
}

/** A stable key per declaration: the module and the English name of its category, folded. */
export function activityKey(d: Pick<Declaration, 'moduleId' | 'category'>): string {
  const slug = d.category.en.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
  return `${d.moduleId}.${slug}`;
}

export const EMPTY_COMPLETION: ActivityCompletion = { recipients: null, processors: null, thirdCountries: null };

/** The record as it stands: every declaration of the switched-on modules, in their order, with what the firm added. */
export function buildRecord(declarations: readonly Declaration[], completions: ReadonlyMap<string, ActivityCompletion>, controller: Controller): ProcessingRecord {
  const seen = new Set<string>();
  const activities: Activity[] = [];
  for (const d of declarations) {
    const key = activityKey(d);
    if (seen.has(key)) continue;
    seen.add(key);
    activities.push({ key, ...d, ...(completions.get(key) ?? EMPTY_COMPLETION) });
  }
  return { controller, activities };
}

export const CONTROLLER_FIELDS = ['name', 'address', 'contact', 'representative', 'dataProtectionOfficer', 'measures'] as const;
export const ACTIVITY_FIELDS = ['category', 'purpose', 'dataSubjects', 'retention', 'recipients', 'processors', 'thirdCountries'] as const;

export type RecordChange =
  | { kind: 'activity-added'; key: string; moduleName: Localized; category: Localized }
  | { kind: 'activity-removed'; key: string; moduleName: Localized; category: Localized }
  | { kind: 'activity-changed'; key: string; moduleName: Localized; category: Localized; fields: Array<(typeof ACTIVITY_FIELDS)[number]> }
  | { kind: 'controller-changed'; fields: Array<(typeof CONTROLLER_FIELDS)[number]> };

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** What changed from `before` (a confirmed version, or nothing yet) to `after`. */
export function recordChanges(before: ProcessingRecord | null, after: ProcessingRecord): RecordChange[] {
  const changes: RecordChange[] = [];
  const controllerFields = CONTROLLER_FIELDS.filter((f) => !same(before?.controller[f], after.controller[f]));
  if (controllerFields.length > 0) changes.push({ kind: 'controller-changed', fields: controllerFields });
  const old = new Map((before?.activities ?? []).map((a) => [a.key, a]));
  const now = new Set(after.activities.map((a) => a.key));
  for (const a of after.activities) {
    const was = old.get(a.key);
    if (!was) changes.push({ kind: 'activity-added', key: a.key, moduleName: a.moduleName, category: a.category });
    else {
      const fields = ACTIVITY_FIELDS.filter((f) => !same(was[f], a[f]));
      if (fields.length > 0) changes.push({ kind: 'activity-changed', key: a.key, moduleName: a.moduleName, category: a.category, fields });
    }
  }
  for (const a of before?.activities ?? []) {
    if (!now.has(a.key)) changes.push({ kind: 'activity-removed', key: a.key, moduleName: a.moduleName, category: a.category });
  }
  return changes;
}

/** The Art. 30 (1) items an activity still lacks: (d) recipients must be answered, also with "none". */
export function missingItems(record: ProcessingRecord): Array<{ key: string | null; item: 'controller' | 'measures' | 'recipients' }> {
  const missing: Array<{ key: string | null; item: 'controller' | 'measures' | 'recipients' }> = [];
  const blank = (s: string | null) => s === null || s.trim() === '';
  if (blank(record.controller.name) || blank(record.controller.contact)) missing.push({ key: null, item: 'controller' });
  if (blank(record.controller.measures)) missing.push({ key: null, item: 'measures' });
  for (const a of record.activities) if (blank(a.recipients)) missing.push({ key: a.key, item: 'recipients' });
  return missing;
}
