import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../kernel/db/database.js';
import { uuidv7 } from '../../kernel/db/uuid-v7.js';
import { writeAudit } from '../../kernel/audit/audit-log.js';
import { ProblemError } from '../../kernel/http/problem.js';
import { translate } from '../../kernel/i18n/server-messages.js';
import {
  type Booking,
  type BookingKind,
  type OperationState,
  type SyncResult,
  type SyncState,
  applyBookings,
  emptySyncState,
} from './domain/booking-sync.js';
import { type ParameterValue, type RecordedParameter, checkParameterValues, recordParameters } from './domain/process-parameters.js';
import type { BookingInput, BookingResult, OperationStatus } from './schemas.js';
import type { ShopfloorContext } from './shopfloor.service.js';
import * as store from './shopfloor.store.js';
import * as bookingStore from './bookings.store.js';

export interface OperationProgress extends OperationState {
  /** Device time of the finish booking; null while the operation is not finished. */
  readonly finishedAt: number | null;
  /** Device time of the first applied start (setup or production); null while planned. */
  readonly startedAt: number | null;
  /** Latest recorded value per parameter (applied `parameters` bookings), device time. */
  readonly recorded: ReadonlyMap<string, RecordedParameter & { at: number }>;
}

const toDomain = (b: {
  key: string; deviceId: string; sequence: number; operationId: string; kind: string; at: number;
  good?: number | null; scrap?: number | null; reason?: string | null; parameters?: readonly unknown[];
  reverses?: string | null; reversesKey?: string | null; confirmed?: boolean;
}): Booking => ({
  key: b.key,
  deviceId: b.deviceId,
  sequence: b.sequence,
  operationId: b.operationId,
  kind: b.kind as BookingKind,
  at: b.at,
  ...(b.good !== null && b.good !== undefined ? { good: b.good } : {}),
  ...(b.scrap !== null && b.scrap !== undefined ? { scrap: b.scrap } : {}),
  ...(b.reason ? { reason: b.reason } : {}),
  // Only name and value take part in the rules; unit and tolerance flag are added when stored.
  ...(b.kind === 'parameters' ? { parameters: ((b.parameters ?? []) as ParameterValue[]).map((p) => ({ name: p.name, value: p.value })) } : {}),
  ...((b.reverses ?? b.reversesKey) ? { reverses: (b.reverses ?? b.reversesKey) as string } : {}),
  ...(b.confirmed ? { confirmed: true } : {}),
});

/**
 * The state of operations from their applied bookings: replayed through the same sync rules, in the
 * order the server applied them (as one ordered stream, since each was valid when it was applied).
 */
export function replayOperations(applied: readonly bookingStore.BookingRow[]): Map<string, OperationProgress> {
  const { state } = applyBookings(emptySyncState, applied.map((b, i) => ({ ...toDomain(b), deviceId: 'replay', sequence: i + 1 })));
  const finishedAt = new Map(applied.filter((b) => b.kind === 'finish').map((b) => [b.operationId, b.at]));
  const startedAt = new Map<string, number>();
  for (const b of applied) if ((b.kind === 'start-setup' || b.kind === 'start-production') && !startedAt.has(b.operationId)) startedAt.set(b.operationId, b.at);
  const appliedKeys = new Set([...state.operations.values()].flatMap((op) => op.appliedKeys));
  const recorded = new Map<string, Map<string, RecordedParameter & { at: number }>>();
  for (const b of applied) {
    if (b.kind !== 'parameters' || !appliedKeys.has(b.key)) continue;
    const values = recorded.get(b.operationId) ?? new Map<string, RecordedParameter & { at: number }>();
    for (const p of b.parameters as RecordedParameter[]) values.set(p.name, { ...p, at: b.at });
    recorded.set(b.operationId, values);
  }
  const out = new Map<string, OperationProgress>();
  for (const [id, op] of state.operations) {
    out.set(id, { ...op, finishedAt: op.status === 'finished' ? (finishedAt.get(id) ?? null) : null, startedAt: op.status === 'planned' ? null : (startedAt.get(id) ?? null), recorded: recorded.get(id) ?? new Map() });
  }
  return out;
}

/** Holds the company's bookings still until the transaction ends: batches are applied one after another, and what is derived from bookings is computed from a settled state. */
export async function lockCompanyBookings(tx: Db, tenantId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`shopfloor-bookings:${tenantId}`}))`.execute(tx);
}

export async function operationStates(db: Db, tenantId: string, operationIds: readonly string[]): Promise<Map<string, OperationProgress>> {
  return replayOperations(await bookingStore.appliedBookings(db, tenantId, { operationIds: [...new Set(operationIds)] }));
}

/** Everything the device sent, so a key reused for other content (e.g. other parameters) is recognised. */
function contentHash(b: BookingInput): string {
  // Fields added later count only when present, so a booking stored before hashes as it did.
  const canonical = [b.deviceId, b.sequence, b.operationId, b.kind, Date.parse(b.at), b.good ?? 0, b.scrap ?? 0, b.reason || null, b.parameters,
    ...(b.reverses ? [b.reverses] : []), ...(b.confirmed ? ['confirmed'] : [])];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

function toApi(r: SyncResult): BookingResult {
  if (r.status === 'conflict') return r.operationStatus ? { key: r.key, status: 'conflict', reason: r.reason, operationStatus: r.operationStatus } : { key: r.key, status: 'conflict', reason: r.reason };
  if (r.status === 'waiting') return { key: r.key, status: 'waiting', expectedSequence: r.expectedSequence };
  return { key: r.key, status: r.status };
}

function storedResult(row: bookingStore.BookingRow): BookingResult {
  if (row.status === 'applied') return { key: row.key, status: 'duplicate' };
  const operationStatus = row.operationStatus as OperationStatus | null;
  return operationStatus
    ? { key: row.key, status: 'conflict', reason: row.conflictReason ?? 'conflict', operationStatus }
    : { key: row.key, status: 'conflict', reason: row.conflictReason ?? 'conflict' };
}

export interface SyncResponse {
  /** One result per delivered booking, in the order delivered. */
  results: BookingResult[];
  /** Bookings of earlier deliveries that were waiting and have now been processed. */
  released: BookingResult[];
}

/**
 * Applies a batch of terminal bookings exactly once (domain/booking-sync.ts rules) and stores every
 * booking, also refused and waiting ones. Batches of one company are processed one after another
 * (a transaction-scoped advisory lock); the unique key (tenant, idempotency key) with
 * ON CONFLICT DO NOTHING keeps a booking from being stored twice in any case.
 */
export async function syncBookings(ctx: ShopfloorContext, bookings: readonly BookingInput[]): Promise<SyncResponse> {
  const tenantId = ctx.tenant.tenantId;
  const operationIds = [...new Set(bookings.map((b) => b.operationId))];
  const known = new Map((await store.orderOperations(ctx.db, tenantId, { ids: operationIds })).map((o) => [o.id, o]));
  const unknown = bookings.flatMap((b, i) => (known.has(b.operationId) ? [] : [{ path: `body.bookings.${i}.operationId`, message: 'unknown operation' }]));
  if (unknown.length > 0) throw new ProblemError(400, 'shopfloor_unknown_operation', {}, { errors: unknown });

  // Process values are checked against the operation's form before anything is stored.
  const locale = ctx.locale ?? 'de';
  const parameterErrors = bookings.flatMap((b, i) => {
    if (b.kind !== 'parameters') return [];
    const defs = known.get(b.operationId)!.parameters;
    return checkParameterValues(defs, b.parameters).map((issue) => {
      const def = defs.find((d) => d.id === issue.name);
      const label = def ? def.label[locale] : issue.name;
      return {
        path: issue.index === null ? `body.bookings.${i}.parameters` : `body.bookings.${i}.parameters.${issue.index}`,
        code: issue.code,
        message: translate(locale, `shopfloorParameters.${issue.code}`, { label, options: (def?.options ?? []).join(', ') }),
      };
    });
  });
  if (parameterErrors.length > 0) throw new ProblemError(400, 'shopfloor_parameters_invalid', { count: parameterErrors.length }, { errors: parameterErrors });
  const storedParameters = (b: BookingInput): unknown[] =>
    b.kind === 'parameters' ? recordParameters(known.get(b.operationId)!.parameters, b.parameters) : b.parameters;

  return ctx.db.transaction().execute(async (tx) => {
    await lockCompanyBookings(tx, tenantId);

    const stored = new Map((await bookingStore.bookingsByKeys(tx, tenantId, bookings.map((b) => b.key))).map((r) => [r.key, r]));
    const devices = [...new Set(bookings.map((b) => b.deviceId))];
    const waitingRows = await bookingStore.waitingBookings(tx, tenantId, devices);
    const waiting = new Map<string, Map<number, Booking>>();
    for (const row of waitingRows) {
      const queue = waiting.get(row.deviceId) ?? new Map<number, Booking>();
      queue.set(row.sequence, toDomain(row));
      waiting.set(row.deviceId, queue);
    }
    const involved = [...new Set([...operationIds, ...waitingRows.map((r) => r.operationId)])];
    const [applied, orderQuantity, settings] = await Promise.all([
      bookingStore.appliedBookings(tx, tenantId, { operationIds: involved }),
      store.orderQuantities(tx, tenantId, involved),
      store.readSettings(tx, tenantId),
    ]);
    // Quantities above the remaining quantity need the worker's confirmation (domain/booking-sync.ts, QuantityLimit).
    const quantityLimit = (operationId: string) => {
      const q = orderQuantity.get(operationId);
      return q === undefined ? undefined : { orderQuantity: q, marginPercent: settings.overQuantityMarginPercent };
    };
    let state: SyncState = {
      operations: replayOperations(applied),
      processed: new Map(),
      lastSequence: await bookingStore.lastSequences(tx, tenantId, devices),
      waiting,
    };

    const hashes = new Map([...stored.values()].map((r) => [r.key, r.contentHash]));
    const results: BookingResult[] = [];
    const released: BookingResult[] = [];
    const outOfSequence = new Map<string, BookingResult>();
    const firstOfKey = new Map<string, BookingInput>();
    for (const b of bookings) {
      const hash = contentHash(b);
      const previous = hashes.get(b.key);
      if (previous !== undefined && previous !== hash) {
        results.push({ key: b.key, status: 'conflict', reason: 'idempotency-key-reused' });
        continue;
      }
      hashes.set(b.key, hash);
      const row = stored.get(b.key);
      if (row && row.status !== 'waiting') {
        results.push(storedResult(row));
        continue;
      }
      if (!row && !firstOfKey.has(b.key)) firstOfKey.set(b.key, b);
      const step = applyBookings(state, [toDomain({ ...b, at: Date.parse(b.at) })], { quantityLimit });
      state = step.state;
      const [own, ...freed] = step.results;
      const ownResult = toApi(own);
      results.push(ownResult);
      if (own.status === 'conflict' && !state.processed.has(own.key)) outOfSequence.set(own.key, ownResult);
      for (const r of freed) {
        const index = results.findIndex((x) => x.key === r.key && x.status === 'waiting');
        if (index >= 0) {
          for (let i = index; i < results.length; i++) if (results[i].key === r.key && results[i].status === 'waiting') results[i] = toApi(r);
        } else released.push(toApi(r));
      }
    }

    // Persist: processing order continues the company's sequence.
    let order = await bookingStore.maxProcessedOrder(tx, tenantId);
    const processedOrder = new Map<string, number>();
    for (const key of state.processed.keys()) processedOrder.set(key, ++order);
    const stillWaiting = new Set([...state.waiting.values()].flatMap((q) => [...q.values()].map((b) => b.key)));

    const fresh: bookingStore.NewBooking[] = [];
    for (const b of firstOfKey.values()) {
      const outcome = state.processed.get(b.key)?.result;
      const base = {
        id: uuidv7(), key: b.key, deviceId: b.deviceId, sequence: b.sequence, operationId: b.operationId, kind: b.kind,
        at: Date.parse(b.at), good: b.good ?? null, scrap: b.scrap ?? null, reason: b.reason || null, parameters: storedParameters(b),
        contentHash: contentHash(b), receivedBy: ctx.tenant.userId, reversesKey: b.reverses ?? null, confirmed: b.confirmed === true,
      };
      if (outcome && (outcome.status === 'applied' || outcome.status === 'conflict')) {
        fresh.push({
          ...base, status: outcome.status, conflictReason: outcome.status === 'conflict' ? outcome.reason : null,
          operationStatus: outcome.status === 'conflict' ? (outcome.operationStatus ?? null) : null, processedOrder: processedOrder.get(b.key)!,
        });
      } else if (stillWaiting.has(b.key)) {
        fresh.push({ ...base, status: 'waiting', conflictReason: null, operationStatus: null, processedOrder: null });
      } else {
        const refused = outOfSequence.get(b.key);
        fresh.push({ ...base, status: 'conflict', conflictReason: refused?.status === 'conflict' ? refused.reason : 'invalid-sequence', operationStatus: null, processedOrder: null });
      }
    }
    await bookingStore.insertBookings(tx, tenantId, fresh);
    await auditReversals(tx, ctx, fresh.filter((b) => b.kind === 'reversal' && b.status === 'applied'));

    for (const row of waitingRows) {
      const outcome = state.processed.get(row.key)?.result;
      if (!outcome || (outcome.status !== 'applied' && outcome.status !== 'conflict')) continue;
      if (row.kind === 'reversal' && outcome.status === 'applied') await auditReversals(tx, ctx, [row]);
      await bookingStore.settleWaitingBooking(tx, tenantId, row.key, {
        status: outcome.status,
        conflictReason: outcome.status === 'conflict' ? outcome.reason : null,
        operationStatus: outcome.status === 'conflict' ? (outcome.operationStatus ?? null) : null,
        processedOrder: processedOrder.get(row.key)!,
      });
    }
    return { results, released };
  });
}

/** Every applied reversal is written to the audit log with the booking it takes back and why. */
async function auditReversals(db: Db, ctx: ShopfloorContext, reversals: ReadonlyArray<{ key: string; operationId: string; reversesKey: string | null; reason: string | null }>) {
  if (reversals.length === 0) return;
  const originals = new Map((await bookingStore.bookingsByKeys(db, ctx.tenant.tenantId, reversals.flatMap((r) => (r.reversesKey ? [r.reversesKey] : [])))).map((r) => [r.key, r]));
  for (const r of reversals) {
    const original = originals.get(r.reversesKey ?? '');
    await writeAudit(db, {
      tenantId: ctx.tenant.tenantId,
      actorId: ctx.tenant.userId,
      action: 'shopfloor.booking_reversed',
      target: r.operationId,
      details: { reversal: r.key, reverses: r.reversesKey, reason: r.reason, good: original?.good ?? null, scrap: original?.scrap ?? null, bookedAt: original ? new Date(original.at).toISOString() : null },
    });
  }
}

export async function listBookings(ctx: ShopfloorContext, filter: { orderId?: string; operationId?: string; status?: string; limit: number }) {
  const rows = await bookingStore.listBookings(ctx.db, ctx.tenant.tenantId, filter);
  return rows.map((r) => ({
    key: r.key,
    deviceId: r.deviceId,
    sequence: r.sequence,
    operationId: r.operationId,
    lotNumber: r.lotNumber,
    kind: r.kind,
    at: new Date(r.at).toISOString(),
    good: r.good,
    scrap: r.scrap,
    reason: r.reason,
    parameters: r.parameters,
    status: r.status,
    conflictReason: r.conflictReason,
    operationStatus: r.operationStatus,
    receivedAt: r.receivedAt,
    reverses: r.reversesKey,
    confirmed: r.confirmed,
    reversedBy: r.reversedBy,
  }));
}
