/**
 * Merging two customer companies: one survives, the other is absorbed. The plan shows both sides
 * field by field and every link that moves; applying it yields the new graph and an undo record
 * that restores the prior state exactly, as long as nothing it moved has moved again since.
 */

export const mergeFields = [
  'name',
  'customerNumber',
  'vatId',
  'industryCode',
  'street',
  'postcode',
  'city',
  'country',
  'email',
  'phone',
  'website',
  'paymentTermsDays',
  'salesOwnerId',
] as const;
export type MergeField = (typeof mergeFields)[number];
export type FieldValue = string | number | null;
export type CustomerFields = Record<MergeField, FieldValue>;

export interface MergeableCustomer {
  id: string;
  fields: CustomerFields;
  /** former customer numbers of customers merged into this one, so old papers still find it */
  aliases: string[];
  /** set on an absorbed customer: the API answers its id with the survivor's */
  mergedInto: string | null;
}

/** Everything that points at a customer and moves with it. Consents move with their contact. */
export const linkKinds = ['contact', 'quote', 'order', 'interaction', 'consent', 'customer-link', 'import-row'] as const;
export type LinkKind = (typeof linkKinds)[number];

export interface CustomerLink {
  kind: LinkKind;
  id: string;
  customerId: string;
}

export interface CustomerGraph {
  customers: MergeableCustomer[];
  links: CustomerLink[];
}

export type Side = 'survivor' | 'absorbed';

export interface MergePlan {
  survivorId: string;
  absorbedId: string;
  fields: Array<{ field: MergeField; survivor: FieldValue; absorbed: FieldValue; chosen: Side; result: FieldValue }>;
  moves: Array<{ kind: LinkKind; id: string }>;
}

export type MergeRefusal = 'same-customer' | 'unknown-customer' | 'already-merged';

const isEmpty = (v: FieldValue) => v === null || (typeof v === 'string' && v.trim() === '');

/**
 * The plan to merge `absorbedId` into `survivorId`. Each field takes the side chosen for it; a field
 * without a choice keeps the survivor's value, or takes the absorbed one's where the survivor has
 * none (fills gaps, never overwrites without being asked).
 */
export function planMerge(graph: CustomerGraph, survivorId: string, absorbedId: string, choices: Partial<Record<MergeField, Side>> = {}): { ok: true; plan: MergePlan } | { ok: false; refusal: MergeRefusal } {
  if (survivorId === absorbedId) return { ok: false, refusal: 'same-customer' };
  const survivor = graph.customers.find((c) => c.id === survivorId);
  const absorbed = graph.customers.find((c) => c.id === absorbedId);
  if (!survivor || !absorbed) return { ok: false, refusal: 'unknown-customer' };
  if (survivor.mergedInto !== null || absorbed.mergedInto !== null) return { ok: false, refusal: 'already-merged' };
  const fields = mergeFields.map((field) => {
    const s = survivor.fields[field];
    const a = absorbed.fields[field];
    const chosen: Side = choices[field] ?? (isEmpty(s) && !isEmpty(a) ? 'absorbed' : 'survivor');
    return { field, survivor: s, absorbed: a, chosen, result: chosen === 'survivor' ? s : a };
  });
  const moves = graph.links.filter((l) => l.customerId === absorbedId).map((l) => ({ kind: l.kind, id: l.id }));
  return { ok: true, plan: { survivorId, absorbedId, fields, moves } };
}

export interface MergeUndo {
  survivorId: string;
  absorbedId: string;
  survivorBefore: MergeableCustomer;
  absorbedBefore: MergeableCustomer;
  /** the survivor right after the merge, to notice edits made since */
  survivorAfter: MergeableCustomer;
  /** the links that moved from the absorbed customer to the survivor */
  moved: Array<{ kind: LinkKind; id: string }>;
}

const linkKey = (l: { kind: LinkKind; id: string }) => `${l.kind}\u0000${l.id}`;
const copyCustomer = (c: MergeableCustomer): MergeableCustomer => ({ ...c, fields: { ...c.fields }, aliases: [...c.aliases] });

/**
 * The graph after the merge and the record to undo it. The survivor gets the chosen fields and
 * the absorbed customer's number and aliases as aliases; the absorbed customer stays as a pointer
 * to the survivor (so links from outside and API clients still resolve), with no links of its own.
 */
export function applyMerge(graph: CustomerGraph, plan: MergePlan): { graph: CustomerGraph; undo: MergeUndo } {
  const survivor = graph.customers.find((c) => c.id === plan.survivorId)!;
  const absorbed = graph.customers.find((c) => c.id === plan.absorbedId)!;
  const moving = new Set(plan.moves.map(linkKey));
  const fields = { ...survivor.fields };
  for (const f of plan.fields) fields[f.field] = f.result;
  const absorbedNumber = absorbed.fields.customerNumber;
  const aliases = [...survivor.aliases];
  for (const alias of [...(typeof absorbedNumber === 'string' && absorbedNumber !== '' ? [absorbedNumber] : []), ...absorbed.aliases])
    if (!aliases.includes(alias) && alias !== fields.customerNumber) aliases.push(alias);
  const survivorAfter: MergeableCustomer = { ...survivor, fields, aliases };
  const customers = graph.customers.map((c) => {
    if (c.id === survivor.id) return survivorAfter;
    if (c.id === absorbed.id) return { ...copyCustomer(c), mergedInto: survivor.id };
    return c;
  });
  const moved: MergeUndo['moved'] = [];
  const links = graph.links.map((l) => {
    if (l.customerId !== absorbed.id || !moving.has(linkKey(l))) return l;
    moved.push({ kind: l.kind, id: l.id });
    return { ...l, customerId: survivor.id };
  });
  return {
    graph: { customers, links },
    undo: { survivorId: survivor.id, absorbedId: absorbed.id, survivorBefore: copyCustomer(survivor), absorbedBefore: copyCustomer(absorbed), survivorAfter: copyCustomer(survivorAfter), moved },
  };
}

const sameCustomerData = (x: MergeableCustomer, y: MergeableCustomer) =>
  mergeFields.every((f) => x.fields[f] === y.fields[f]) && x.aliases.length === y.aliases.length && x.aliases.every((a, i) => a === y.aliases[i]);

export type UndoConflict =
  | { code: 'customer-missing'; customerId: string }
  | { code: 'survivor-merged-since'; customerId: string }
  | { code: 'survivor-edited-since'; customerId: string }
  | { code: 'link-missing'; kind: LinkKind; id: string }
  | { code: 'link-moved-since'; kind: LinkKind; id: string; customerId: string };

/**
 * The graph with the merge taken back: both customers as they were before it, every moved link on
 * the absorbed customer again. Links created on the survivor after the merge stay where they are.
 * Refused with the conflicts when a moved link was deleted or moved on, or the survivor was merged
 * into a third customer since (undo that merge first). Edits to the survivor's fields since the
 * merge would be lost, so they are a conflict too unless `discardEdits` says the user saw them.
 */
export function undoMerge(graph: CustomerGraph, undo: MergeUndo, discardEdits = false): { ok: true; graph: CustomerGraph } | { ok: false; conflicts: UndoConflict[] } {
  const conflicts: UndoConflict[] = [];
  const survivor = graph.customers.find((c) => c.id === undo.survivorId);
  const absorbed = graph.customers.find((c) => c.id === undo.absorbedId);
  if (!survivor) conflicts.push({ code: 'customer-missing', customerId: undo.survivorId });
  if (!absorbed) conflicts.push({ code: 'customer-missing', customerId: undo.absorbedId });
  if (survivor && survivor.mergedInto !== null) conflicts.push({ code: 'survivor-merged-since', customerId: survivor.id });
  else if (survivor && !discardEdits && !sameCustomerData(survivor, undo.survivorAfter))
    conflicts.push({ code: 'survivor-edited-since', customerId: survivor.id });
  const byKey = new Map(graph.links.map((l) => [linkKey(l), l]));
  for (const m of undo.moved) {
    const l = byKey.get(linkKey(m));
    if (!l) conflicts.push({ code: 'link-missing', kind: m.kind, id: m.id });
    else if (l.customerId !== undo.survivorId) conflicts.push({ code: 'link-moved-since', kind: m.kind, id: m.id, customerId: l.customerId });
  }
  if (conflicts.length > 0) return { ok: false, conflicts };
  const back = new Set(undo.moved.map(linkKey));
  return {
    ok: true,
    graph: {
      customers: graph.customers.map((c) => (c.id === undo.survivorId ? copyCustomer(undo.survivorBefore) : c.id === undo.absorbedId ? copyCustomer(undo.absorbedBefore) : c)),
      links: graph.links.map((l) => (back.has(linkKey(l)) ? { ...l, customerId: undo.absorbedId } : l)),
    },
  };
}

/** The customer an id stands for now: follows merges, so an absorbed id answers with its survivor. */
export function resolveCustomerId(customers: readonly MergeableCustomer[], id: string): string | null {
  const byId = new Map(customers.map((c) => [c.id, c]));
  const seen = new Set<string>();
  let current = byId.get(id);
  while (current && current.mergedInto !== null) {
    if (seen.has(current.id)) return null;
    seen.add(current.id);
    current = byId.get(current.mergedInto);
  }
  return current ? current.id : null;
}
