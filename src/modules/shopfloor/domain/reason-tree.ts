/**
 * Downtime reasons (a tree of two levels: groups and the reasons in them) and scrap reasons (a
 * list) of a company, and the rules that keep them consistent. Pure functions without I/O; shared by
 * the server and the terminal.
 */

export type ReasonKind = 'downtime' | 'scrap';
/** The OEE factor a downtime lowers (ISO 22400 loss categories). */
export type LossCategory = 'availability' | 'performance' | 'quality';
export const LOSS_CATEGORIES: readonly LossCategory[] = ['availability', 'performance', 'quality'];

export interface Reason {
  readonly id: string;
  readonly kind: ReasonKind;
  /** Downtime only: the group of a reason; null for groups, top-level reasons and scrap reasons. */
  readonly parentId: string | null;
  /** Downtime only: a group holds reasons and is not booked itself. */
  readonly isGroup: boolean;
  readonly label: { readonly de: string; readonly en: string };
  /** Downtime reasons only (null for groups and scrap reasons). */
  readonly loss: LossCategory | null;
  readonly planned: boolean | null;
  readonly position: number;
  readonly active: boolean;
}

export type ReasonIssueCode =
  | 'parentUnknown'
  | 'parentNotAGroup'
  | 'parentInactive'
  | 'groupInGroup'
  | 'scrapInTree'
  | 'groupNeedsNoClass'
  | 'reasonNeedsClass'
  | 'scrapNeedsNoClass'
  | 'labelTaken'
  | 'groupNotEmpty'
  | 'kindChanged';

export interface ReasonIssue {
  readonly field: 'parentId' | 'isGroup' | 'loss' | 'planned' | 'label' | 'kind';
  readonly code: ReasonIssueCode;
}

export type ReasonDraft = Omit<Reason, 'id' | 'position' | 'active'> & { readonly id?: string };

const sameLabel = (a: string, b: string) => a.trim().toLocaleLowerCase('de') === b.trim().toLocaleLowerCase('de');

/**
 * Checks a new or changed reason against the company's other reasons. Rules:
 * - scrap reasons form a flat list: no parent, no group, no loss class;
 * - downtime has two levels: a group or a reason at the top, a reason inside an active group; a group
 *   is never inside another group;
 * - a group has no loss class; every downtime reason has a loss category and planned/unplanned;
 * - labels (de and en each) are unique among the active siblings (same kind and same parent);
 * - the kind of an existing reason never changes; a group that still holds reasons stays a group.
 */
export function checkReason(draft: ReasonDraft, others: readonly Reason[]): ReasonIssue[] {
  const issues: ReasonIssue[] = [];
  const existing = draft.id ? others.find((r) => r.id === draft.id) : undefined;
  const rest = others.filter((r) => r.id !== draft.id);
  if (existing && existing.kind !== draft.kind) issues.push({ field: 'kind', code: 'kindChanged' });

  if (draft.kind === 'scrap') {
    if (draft.parentId !== null || draft.isGroup) issues.push({ field: draft.isGroup ? 'isGroup' : 'parentId', code: 'scrapInTree' });
    if (draft.loss !== null || draft.planned !== null) issues.push({ field: draft.loss !== null ? 'loss' : 'planned', code: 'scrapNeedsNoClass' });
  } else {
    if (draft.parentId !== null) {
      const parent = rest.find((r) => r.id === draft.parentId && r.kind === 'downtime');
      if (!parent) issues.push({ field: 'parentId', code: 'parentUnknown' });
      else if (!parent.isGroup) issues.push({ field: 'parentId', code: 'parentNotAGroup' });
      else if (!parent.active) issues.push({ field: 'parentId', code: 'parentInactive' });
      if (draft.isGroup) issues.push({ field: 'isGroup', code: 'groupInGroup' });
    }
    if (draft.isGroup && (draft.loss !== null || draft.planned !== null)) issues.push({ field: draft.loss !== null ? 'loss' : 'planned', code: 'groupNeedsNoClass' });
    if (!draft.isGroup && draft.loss === null) issues.push({ field: 'loss', code: 'reasonNeedsClass' });
    if (!draft.isGroup && draft.planned === null) issues.push({ field: 'planned', code: 'reasonNeedsClass' });
    if (existing?.isGroup && !draft.isGroup && rest.some((r) => r.parentId === existing.id)) issues.push({ field: 'isGroup', code: 'groupNotEmpty' });
  }

  const siblings = rest.filter((r) => r.active && r.kind === draft.kind && r.parentId === draft.parentId);
  if (siblings.some((r) => sameLabel(r.label.de, draft.label.de) || sameLabel(r.label.en, draft.label.en))) issues.push({ field: 'label', code: 'labelTaken' });
  return issues;
}

export interface ReasonGroup {
  readonly group: Reason | null;
  readonly reasons: readonly Reason[];
}

/**
 * The downtime tree as the terminal shows it: groups in order, each with its active reasons;
 * top-level reasons form one group without a heading (group null). Inactive entries and empty groups are left out.
 */
export function downtimeTree(reasons: readonly Reason[]): ReasonGroup[] {
  const byPosition = (a: Reason, b: Reason) => a.position - b.position || a.label.de.localeCompare(b.label.de);
  const active = reasons.filter((r) => r.kind === 'downtime' && r.active).sort(byPosition);
  const groups: ReasonGroup[] = active
    .filter((r) => r.isGroup)
    .map((g) => ({ group: g, reasons: active.filter((r) => r.parentId === g.id && !r.isGroup) }))
    .filter((g) => g.reasons.length > 0);
  const loose = active.filter((r) => !r.isGroup && r.parentId === null);
  return loose.length > 0 ? [...groups, { group: null, reasons: loose }] : groups;
}

/** "Störung › Elektrik": the label with its group, in the language given. */
export function reasonPath(reason: Reason, all: readonly Reason[], lang: 'de' | 'en'): string {
  const parent = reason.parentId ? all.find((r) => r.id === reason.parentId) : undefined;
  return parent ? `${parent.label[lang]} › ${reason.label[lang]}` : reason.label[lang];
}

/**
 * Whether the downtime after a pause with this reason is planned (ISO 22400: planned downtime, it
 * reduces the planned production time). A reason that is unknown (a free text of an older booking,
 * or a deleted reason) counts as unplanned: an availability loss.
 */
export function isPlannedDowntime(reasonId: string | null | undefined, reasons: ReadonlyMap<string, Pick<Reason, 'kind' | 'planned'>>): boolean {
  if (!reasonId) return false;
  const reason = reasons.get(reasonId);
  return reason?.kind === 'downtime' && reason.planned === true;
}

interface DefaultReason {
  readonly key: string;
  readonly de: string;
  readonly en: string;
  readonly loss?: LossCategory;
  readonly planned?: boolean;
  readonly children?: readonly DefaultReason[];
}

/** The reasons every company starts with; they are stored on first use and can be changed freely. */
export const DEFAULT_DOWNTIME_REASONS: readonly DefaultReason[] = [
  {
    key: 'breakdown', de: 'Störung', en: 'Breakdown', children: [
      { key: 'breakdown-electrical', de: 'Elektrik', en: 'Electrical', loss: 'availability', planned: false },
      { key: 'breakdown-mechanical', de: 'Mechanik', en: 'Mechanical', loss: 'availability', planned: false },
      { key: 'breakdown-hydraulics', de: 'Hydraulik / Pneumatik', en: 'Hydraulics / pneumatics', loss: 'availability', planned: false },
      { key: 'breakdown-control', de: 'Steuerung / Software', en: 'Control / software', loss: 'availability', planned: false },
    ],
  },
  {
    key: 'material', de: 'Material', en: 'Material', children: [
      { key: 'material-missing', de: 'Material fehlt', en: 'Material missing', loss: 'availability', planned: false },
      { key: 'material-wrong', de: 'Falsches Material', en: 'Wrong material', loss: 'availability', planned: false },
    ],
  },
  {
    key: 'organisation', de: 'Organisation', en: 'Organisation', children: [
      { key: 'no-staff', de: 'Kein Personal', en: 'No staff', loss: 'availability', planned: false },
      { key: 'waiting-drawing', de: 'Warten auf Zeichnung / Freigabe', en: 'Waiting for drawing / release', loss: 'availability', planned: false },
      { key: 'tool-change', de: 'Werkzeugwechsel', en: 'Tool change', loss: 'performance', planned: false },
      { key: 'quality-check', de: 'Qualitätsprüfung', en: 'Quality check', loss: 'quality', planned: false },
    ],
  },
  {
    key: 'planned', de: 'Geplant', en: 'Planned', children: [
      { key: 'maintenance', de: 'Geplante Wartung', en: 'Planned maintenance', loss: 'availability', planned: true },
      { key: 'break', de: 'Pause / Besprechung', en: 'Break / meeting', loss: 'availability', planned: true },
      { key: 'cleaning', de: 'Reinigung', en: 'Cleaning', loss: 'availability', planned: true },
    ],
  },
  { key: 'other', de: 'Sonstiges', en: 'Other', loss: 'availability', planned: false },
];

export const DEFAULT_SCRAP_REASONS: readonly DefaultReason[] = [
  { key: 'dimension', de: 'Maßabweichung', en: 'Dimension out of tolerance' },
  { key: 'surface', de: 'Oberfläche', en: 'Surface' },
  { key: 'material-defect', de: 'Materialfehler', en: 'Material defect' },
  { key: 'setup-part', de: 'Einrichteteil', en: 'Setup part' },
  { key: 'handling', de: 'Handhabung / Transport', en: 'Handling / transport' },
  { key: 'other', de: 'Sonstiges', en: 'Other' },
];

/** The defaults as reasons, with ids from `newId` (called in tree order). */
export function defaultReasons(newId: () => string): Reason[] {
  const out: Reason[] = [];
  DEFAULT_DOWNTIME_REASONS.forEach((d, i) => {
    const id = newId();
    const isGroup = d.children !== undefined;
    out.push({ id, kind: 'downtime', parentId: null, isGroup, label: { de: d.de, en: d.en }, loss: d.loss ?? null, planned: d.planned ?? null, position: i + 1, active: true });
    d.children?.forEach((c, j) => {
      out.push({ id: newId(), kind: 'downtime', parentId: id, isGroup: false, label: { de: c.de, en: c.en }, loss: c.loss ?? null, planned: c.planned ?? null, position: j + 1, active: true });
    });
  });
  DEFAULT_SCRAP_REASONS.forEach((d, i) => {
    out.push({ id: newId(), kind: 'scrap', parentId: null, isGroup: false, label: { de: d.de, en: d.en }, loss: null, planned: null, position: i + 1, active: true });
  });
  return out;
}
