import { redactAuditLog } from '../../kernel/audit/audit-redaction.js';
import { writeAudit } from '../../kernel/audit/audit-log.js';
import { auditView } from '../../kernel/audit/record-history.js';
import { DASHBOARD_TIME_ZONE } from '../../kernel/dashboard/dashboard.service.js';
import type { Db } from '../../kernel/db/database.js';
import { inTransaction } from '../../kernel/db/transaction.js';
import { uuidv7 } from '../../kernel/db/uuid-v7.js';
import type { TenantContext } from '../../kernel/http/app-context.js';
import { ProblemError, notFound } from '../../kernel/http/problem.js';
import type { Locale } from '../../kernel/i18n/server-messages.js';
import type { DataSubjectProvider } from '../../kernel/modules/data-subjects.js';
import type { ModuleManifest } from '../../kernel/modules/module-manifest.js';
import type { ModuleRegistry } from '../../kernel/modules/module-registry.js';
import { type RequestFacts, type StoredState, extensionRefusal, receivedInFuture, requestClock, responseDeadline, stateOf } from './domain/subject-request.js';
import * as store from './subject-requests.store.js';
import type { ErasurePreview, ErasureStep, FoundPerson, LinkedPerson, RequestBody, SubjectExport, SubjectRequest, SubjectRequestSummary } from './subject-requests.schemas.js';

export interface SubjectRequestContext {
  db: Db;
  tenant: TenantContext;
  registry: ModuleRegistry;
  locale: Locale;
  now?: () => number;
  /** The firm's time zone: deadlines are calendar days there. */
  timeZone?: string;
}

/** What the links of an erased request show instead of the person. */
export const ERASED_LABEL = '—';

const nowOf = (ctx: SubjectRequestContext) => (ctx.now ? ctx.now() : Date.now());
const zoneOf = (ctx: SubjectRequestContext) => ctx.timeZone ?? DASHBOARD_TIME_ZONE;
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const audit = (ctx: SubjectRequestContext, db: Db, action: string, target: string, details: Record<string, unknown> = {}) =>
  writeAudit(db, { tenantId: ctx.tenant.tenantId, actorId: ctx.tenant.userId, action: `privacy.${action}`, target, details });
const fieldProblem = (code: string, path: string, message: string) => new ProblemError(400, code, {}, { errors: [{ path, message }] });

const factsOf = (r: store.RequestRow): RequestFacts => ({ receivedOn: r.received_on, extensionMonths: r.extension_months, state: r.state as StoredState, closedAt: r.closed_at === null ? null : new Date(r.closed_at).getTime() });

function summary(ctx: SubjectRequestContext, r: store.RequestRow, people: number): SubjectRequestSummary {
  const facts = factsOf(r);
  const clock = requestClock(facts, nowOf(ctx), zoneOf(ctx));
  return {
    id: r.id,
    kind: r.kind as SubjectRequestSummary['kind'],
    requesterName: r.requester_name,
    receivedOn: r.received_on,
    state: stateOf(facts),
    extensionMonths: r.extension_months,
    clock: { deadline: clock.deadline, dueAt: new Date(clock.dueAt).toISOString(), daysLeft: clock.daysLeft, state: clock.state },
    people,
    erasedAt: iso(r.erased_at),
    closedAt: iso(r.closed_at),
  };
}

/** The switched-on modules that hold people, in the registry's (dependency) order. */
async function providers(ctx: SubjectRequestContext, db: Db): Promise<Array<ModuleManifest & { dataSubjects: DataSubjectProvider }>> {
  const on = new Set((await ctx.registry.states(db, ctx.tenant.tenantId)).filter((s) => s.enabled).map((s) => s.id));
  return ctx.registry.modules.filter((m): m is ModuleManifest & { dataSubjects: DataSubjectProvider } => on.has(m.id) && m.dataSubjects !== undefined);
}

const linkedView = (ctx: SubjectRequestContext, l: store.LinkRow): LinkedPerson => ({
  moduleId: l.module_id, moduleName: ctx.registry.get(l.module_id)?.name ?? { de: l.module_id, en: l.module_id },
  ref: l.ref, kind: l.kind, name: l.name, email: l.email, phone: l.phone, context: l.context,
});

async function detail(ctx: SubjectRequestContext, db: Db, r: store.RequestRow): Promise<SubjectRequest> {
  const linked = await store.links(db, ctx.tenant.tenantId, r.id);
  const log = await auditView(db, ctx.registry, ctx.tenant.tenantId, ctx.locale, { limit: 200, target: r.id });
  return {
    ...summary(ctx, r, linked.length),
    requesterReach: r.requester_reach,
    notes: r.notes,
    extensionReason: r.extension_reason,
    closingNote: r.closing_note,
    linked: linked.map((l) => linkedView(ctx, l)),
    erasure: r.erasure,
    log: log.map((e) => ({ id: e.id, at: new Date(e.at).toISOString(), text: e.text, actor: e.actor?.name ?? null })),
    updatedAt: iso(r.updated_at)!,
  };
}

async function found(ctx: SubjectRequestContext, db: Db, id: string, forUpdate = false): Promise<store.RequestRow> {
  const row = await store.findRequest(db, ctx.tenant.tenantId, id, forUpdate);
  if (!row) throw notFound('request');
  return row;
}

async function openForChange(ctx: SubjectRequestContext, db: Db, id: string): Promise<store.RequestRow> {
  const row = await found(ctx, db, id, true);
  if (row.state !== 'open') throw new ProblemError(409, 'privacy_request_closed');
  return row;
}

function checkReceived(ctx: SubjectRequestContext, body: RequestBody) {
  if (receivedInFuture(body.receivedOn, nowOf(ctx), zoneOf(ctx))) throw fieldProblem('privacy_received_in_future', 'body.receivedOn', 'must not be in the future');
}

export async function listRequests(ctx: SubjectRequestContext): Promise<SubjectRequestSummary[]> {
  return (await store.listRequests(ctx.db, ctx.tenant.tenantId)).map((r) => summary(ctx, r, r.people));
}

export async function getRequest(ctx: SubjectRequestContext, id: string): Promise<SubjectRequest> {
  return detail(ctx, ctx.db, await found(ctx, ctx.db, id));
}

export async function createRequest(ctx: SubjectRequestContext, body: RequestBody): Promise<SubjectRequest> {
  checkReceived(ctx, body);
  const id = uuidv7();
  return inTransaction(ctx.db, async (trx) => {
    await store.insertRequest(trx, ctx.tenant.tenantId, id, {
      kind: body.kind, requester_name: body.requesterName, requester_reach: body.requesterReach, received_on: body.receivedOn, notes: body.notes, created_by: ctx.tenant.userId,
    });
    // the log names the kind and the deadline, never the person
    await audit(ctx, trx, 'subject_request_received', id, { kind: body.kind, deadline: responseDeadline(body.receivedOn, 0) });
    return detail(ctx, trx, (await found(ctx, trx, id))!);
  });
}

export async function updateRequest(ctx: SubjectRequestContext, id: string, body: RequestBody): Promise<SubjectRequest> {
  checkReceived(ctx, body);
  return inTransaction(ctx.db, async (trx) => {
    const before = await openForChange(ctx, trx, id);
    if (before.erased_at !== null) throw new ProblemError(409, 'privacy_request_erased');
    const next = { kind: body.kind, requester_name: body.requesterName, requester_reach: body.requesterReach, received_on: body.receivedOn, notes: body.notes };
    const fields = (Object.keys(next) as Array<keyof typeof next>).filter((k) => next[k] !== before[k]);
    await store.updateRequest(trx, ctx.tenant.tenantId, id, next);
    await audit(ctx, trx, 'subject_request_changed', id, { fields, ...(fields.includes('received_on') ? { receivedBefore: before.received_on, receivedAfter: body.receivedOn } : {}) });
    return detail(ctx, trx, await found(ctx, trx, id));
  });
}

/** The people matching the query in every switched-on module, marked when already linked to the request. */
export async function searchPeople(ctx: SubjectRequestContext, id: string, query: string): Promise<FoundPerson[]> {
  await found(ctx, ctx.db, id);
  const linked = new Set((await store.links(ctx.db, ctx.tenant.tenantId, id)).map((l) => `${l.module_id}\u0000${l.ref}`));
  const out: FoundPerson[] = [];
  for (const m of await providers(ctx, ctx.db)) {
    for (const p of await m.dataSubjects.find(ctx.db, ctx.tenant.tenantId, query)) {
      out.push({ moduleId: m.id, moduleName: m.name, ...p, linked: linked.has(`${m.id}\u0000${p.ref}`) });
    }
  }
  return out;
}

/** Links people found by `query`: each is looked up again, so only people this company holds can be linked. */
export async function linkPeople(ctx: SubjectRequestContext, id: string, query: string, people: Array<{ moduleId: string; ref: string }>): Promise<SubjectRequest> {
  return inTransaction(ctx.db, async (trx) => {
    const row = await openForChange(ctx, trx, id);
    if (row.erased_at !== null) throw new ProblemError(409, 'privacy_request_erased');
    const all = await providers(ctx, trx);
    const rows: store.LinkRow[] = [];
    for (const [i, wanted] of people.entries()) {
      const m = all.find((x) => x.id === wanted.moduleId);
      const match = m ? (await m.dataSubjects.find(trx, ctx.tenant.tenantId, query)).find((p) => p.ref === wanted.ref) : undefined;
      if (!m || !match) throw fieldProblem('privacy_person_not_found', `body.people.${i}.ref`, 'must be a person the search found');
      rows.push({ module_id: m.id, ref: match.ref, kind: match.kind, name: match.name, email: match.email, phone: match.phone, context: match.context });
    }
    const added = await store.insertLinks(trx, ctx.tenant.tenantId, id, rows);
    if (added > 0) await audit(ctx, trx, 'subject_people_linked', id, { count: added });
    return detail(ctx, trx, await found(ctx, trx, id));
  });
}

export async function unlinkPerson(ctx: SubjectRequestContext, id: string, moduleId: string, ref: string): Promise<SubjectRequest> {
  return inTransaction(ctx.db, async (trx) => {
    const row = await openForChange(ctx, trx, id);
    if (row.erased_at !== null) throw new ProblemError(409, 'privacy_request_erased');
    if ((await store.deleteLink(trx, ctx.tenant.tenantId, id, moduleId, ref)) === 0) throw fieldProblem('privacy_person_not_linked', 'body.ref', 'must be a person linked to the request');
    await audit(ctx, trx, 'subject_person_unlinked', id);
    return detail(ctx, trx, await found(ctx, trx, id));
  });
}

/** Everything the linked people's modules hold about them (Art. 15 (3)): the JSON export. */
export async function exportRequest(ctx: SubjectRequestContext, id: string): Promise<SubjectExport> {
  const row = await found(ctx, ctx.db, id);
  const all = await providers(ctx, ctx.db);
  const people: SubjectExport['people'] = [];
  const position = (moduleId: string) => ctx.registry.modules.findIndex((m) => m.id === moduleId);
  // in the modules' order: the account first, then what the modules hold about the person
  const linked = (await store.links(ctx.db, ctx.tenant.tenantId, id)).sort((a, b) => position(a.module_id) - position(b.module_id));
  for (const l of linked) {
    const m = all.find((x) => x.id === l.module_id);
    if (!m) continue;
    people.push({ moduleId: m.id, moduleName: m.name, kind: l.kind, name: l.name, sections: await m.dataSubjects.export(ctx.db, ctx.tenant.tenantId, l.ref) });
  }
  return {
    request: { kind: row.kind as SubjectExport['request']['kind'], requesterName: row.requester_name, receivedOn: row.received_on, deadline: responseDeadline(row.received_on, row.extension_months) },
    generatedAt: new Date(nowOf(ctx)).toISOString(),
    people,
  };
}

/** Runs every linked person's erasure in `trx`, the platform's (the account) last. */
async function eraseAll(ctx: SubjectRequestContext, trx: Db, id: string): Promise<ErasurePreview> {
  const all = await providers(ctx, trx);
  const linked = await store.links(trx, ctx.tenant.tenantId, id);
  const order = (moduleId: string) => -all.findIndex((m) => m.id === moduleId);
  const steps: ErasureStep[] = [];
  const blocked: ErasurePreview['blocked'] = [];
  for (const l of [...linked].sort((a, b) => order(a.module_id) - order(b.module_id))) {
    const m = all.find((x) => x.id === l.module_id);
    if (!m) {
      blocked.push({ name: l.name, reason: { de: 'Das Modul, in dem die Person gefunden wurde, ist ausgeschaltet.', en: 'The module the person was found in is switched off.' } });
      continue;
    }
    const outcome = await m.dataSubjects.erase(trx, { tenantId: ctx.tenant.tenantId, actorId: ctx.tenant.userId, now: new Date(nowOf(ctx)) }, l.ref);
    if (outcome.blocked) blocked.push({ name: l.name, reason: outcome.blocked });
    steps.push({ moduleId: m.id, moduleName: m.name, kind: l.kind, name: l.name, erased: outcome.erased, kept: outcome.kept });
  }
  return { steps, blocked };
}

class Rollback extends Error {
  constructor(readonly preview: ErasurePreview) { super('rollback'); }
}

function checkErasable(row: store.RequestRow, people: number) {
  if (row.kind !== 'erasure') throw new ProblemError(409, 'privacy_request_not_erasure');
  if (row.erased_at !== null) throw new ProblemError(409, 'privacy_request_erased');
  if (people === 0) throw new ProblemError(409, 'privacy_request_nobody_linked');
}

/** What the erasure would do, by running it in a transaction that is rolled back: the preview cannot differ from the run. */
export async function previewErasure(ctx: SubjectRequestContext, id: string): Promise<ErasurePreview> {
  const row = await found(ctx, ctx.db, id);
  if (row.state !== 'open') throw new ProblemError(409, 'privacy_request_closed');
  checkErasable(row, (await store.links(ctx.db, ctx.tenant.tenantId, id)).length);
  try {
    await inTransaction(ctx.db, async (trx) => { throw new Rollback(await eraseAll(ctx, trx, id)); });
  } catch (e) {
    if (e instanceof Rollback) return e.preview;
    throw e;
  }
  throw new Error('unreachable');
}

const initials = (name: string) => name.split(/\s+/).filter(Boolean).map((p) => `${[...p][0]!.toUpperCase()}.`).join(' ');

/**
 * Erases the linked people across modules in one transaction with its audit entry. The audit log
 * keeps its entries with the people's names, addresses and numbers replaced; the request keeps
 * what was done, and of the requester only the initials.
 */
export async function runErasure(ctx: SubjectRequestContext, id: string): Promise<SubjectRequest> {
  return inTransaction(ctx.db, async (trx) => {
    const row = await openForChange(ctx, trx, id);
    const linked = await store.links(trx, ctx.tenant.tenantId, id);
    checkErasable(row, linked.length);
    const { steps, blocked } = await eraseAll(ctx, trx, id);
    if (blocked.length > 0) throw new ProblemError(409, 'privacy_erasure_blocked', { count: blocked.length }, { blocked });
    const texts = [row.requester_name, row.requester_reach ?? '', ...linked.flatMap((l) => [l.name, l.email ?? '', l.phone ?? ''])];
    const redact = (value: string | null) => {
      if (value === null) return null;
      let out = value;
      for (const t of texts.filter((x) => x.trim().length >= 3).sort((a, b) => b.length - a.length)) out = out.split(t).join('***');
      return out;
    };
    const anonymous = steps.map((s) => ({ ...s, name: ERASED_LABEL }));
    await store.updateRequest(trx, ctx.tenant.tenantId, id, {
      erased_at: new Date(nowOf(ctx)), erasure: anonymous, requester_name: initials(row.requester_name) || ERASED_LABEL, requester_reach: null, notes: redact(row.notes),
    });
    await store.anonymiseLinks(trx, ctx.tenant.tenantId, id, ERASED_LABEL);
    await redactAuditLog(trx, ctx.tenant.tenantId, texts);
    await audit(ctx, trx, 'subject_erasure_run', id, {
      count: linked.length,
      erased: steps.reduce((n, s) => n + s.erased.reduce((a, e) => a + e.count, 0), 0),
      kept: steps.reduce((n, s) => n + s.kept.reduce((a, e) => a + e.count, 0), 0),
    });
    return detail(ctx, trx, await found(ctx, trx, id));
  });
}

export async function extendDeadline(ctx: SubjectRequestContext, id: string, months: number, reason: string): Promise<SubjectRequest> {
  return inTransaction(ctx.db, async (trx) => {
    const row = await found(ctx, trx, id, true);
    const refusal = extensionRefusal(factsOf(row), months, nowOf(ctx), zoneOf(ctx));
    if (refusal === 'closed') throw new ProblemError(409, 'privacy_request_closed');
    if (refusal === 'deadline-passed') throw new ProblemError(409, 'privacy_extension_too_late');
    if (refusal) throw fieldProblem(`privacy_extension_${refusal.replace(/-/g, '_')}`, 'body.months', refusal === 'not-longer' ? 'must be longer than the extension already given' : 'must be 1 or 2');
    await store.updateRequest(trx, ctx.tenant.tenantId, id, { extension_months: months, extension_reason: reason });
    await audit(ctx, trx, 'subject_request_extended', id, { count: months, deadline: responseDeadline(row.received_on, months) });
    return detail(ctx, trx, await found(ctx, trx, id));
  });
}

export async function closeRequest(ctx: SubjectRequestContext, id: string, outcome: 'done' | 'refused', note: string | null): Promise<SubjectRequest> {
  return inTransaction(ctx.db, async (trx) => {
    const row = await openForChange(ctx, trx, id);
    if (outcome === 'refused' && !note) throw fieldProblem('privacy_refusal_reason', 'body.note', 'must give the reason for the refusal');
    if (outcome === 'done' && row.kind === 'erasure' && row.erased_at === null) throw new ProblemError(409, 'privacy_request_erasure_not_run');
    await store.updateRequest(trx, ctx.tenant.tenantId, id, { state: outcome, closing_note: note, closed_at: new Date(nowOf(ctx)) });
    await audit(ctx, trx, outcome === 'done' ? 'subject_request_answered' : 'subject_request_refused', id, {});
    return detail(ctx, trx, await found(ctx, trx, id));
  });
}
