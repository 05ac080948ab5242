import { writeAudit } from '../../kernel/audit/audit-log.js';
import { inTransaction } from '../../kernel/db/transaction.js';
import { uuidv7 } from '../../kernel/db/uuid-v7.js';
import { ProblemError, notFound } from '../../kernel/http/problem.js';
import { TableFileError, readTableFile } from '../../kernel/tabular/index.js';
import { contactColumns } from './contacts.service.js';
import { type CustomersContext, columnsOf } from './customers.service.js';
import * as customerStore from './customers.store.js';
import { type ImportField, type ImportMode, contactImportFields, customerImportFields, decideImport, orderImportFields, suggestMapping, unmappedRequired } from './domain/import-plan.js';
import { type Checked, type ExistingCustomers, type ImportedContact, type ImportedCustomer, type ImportedOrderLine, checkContactRows, checkCustomerRows, checkOrderRows, mappedRows } from './import-rows.js';
import { saveImportedOrders } from './import-orders.js';
import { partsByNumbers } from '../shopfloor/index.js';
import * as store from './imports.store.js';
import type { ImportUploadBody } from './imports.schemas.js';

/** Rows shown before the mapping is chosen. */
export const PREVIEW_ROWS = 20;
export const MAX_IMPORT_ROWS = 20_000;
const CHUNK = 500;

export const importFields: Record<store.ImportKind, readonly ImportField[]> = {
  customers: customerImportFields,
  contacts: contactImportFields,
  orders: orderImportFields,
};

/** Progress of runs going on in this process: rows saved of rows to save. */
const progress = new Map<string, { done: number; total: number }>();

function view(run: store.ImportRun) {
  const fields = importFields[run.kind];
  const mapping = new Map<number, string>();
  run.mapping.forEach((f, i) => f && mapping.set(i, f));
  return {
    ...run,
    fields: fields.map((f) => ({ id: f.id, required: f.required })),
    unmappedRequired: unmappedRequired(mapping, fields),
    progress: progress.get(run.id) ?? null,
  };
}

async function existingRun(ctx: CustomersContext, id: string) {
  const run = await store.findRun(ctx.db, ctx.tenant.tenantId, id);
  if (!run) throw notFound('import');
  return run;
}

/** Reads the uploaded file, stores its rows and suggests a mapping; answers the header, the first rows and earlier imports of the same file. */
export async function upload(ctx: CustomersContext, body: ImportUploadBody) {
  const { tenantId, userId } = ctx.tenant;
  let table;
  try {
    table = await readTableFile(Buffer.from(body.content, 'base64'), body.fileName);
  } catch (error) {
    if (!(error instanceof TableFileError)) throw error;
    throw new ProblemError(400, `customers_import_file_${error.reason.replace(/-/g, '_')}`, { line: error.line ?? 1 }, { path: 'body.content' });
  }
  if (table.rows.length === 0) throw new ProblemError(400, 'customers_import_file_no_rows', {}, { path: 'body.content' });
  if (table.rows.length > MAX_IMPORT_ROWS) throw new ProblemError(400, 'customers_import_file_too_many_rows', { max: MAX_IMPORT_ROWS, count: table.rows.length }, { path: 'body.content' });
  const fields = importFields[body.kind];
  const suggested = suggestMapping(table.header, fields);
  const mapping = table.header.map((_, i) => suggested.get(i) ?? null);
  const id = uuidv7();
  await store.insertRun(ctx.db, tenantId, {
    id, kind: body.kind, fileName: body.fileName, fileHash: table.hash, fileFormat: table.format, numberLocale: table.numberLocale, header: table.header, rows: table.rows, mapping, createdBy: userId,
  });
  return { ...(await getImport(ctx, id)), preview: table.rows.slice(0, PREVIEW_ROWS) };
}

export async function getImport(ctx: CustomersContext, id: string) {
  const run = await existingRun(ctx, id);
  const sameFile = await store.sameFileRuns(ctx.db, ctx.tenant.tenantId, run.fileHash, run.id);
  return { ...view(run), sameFileImportedBefore: sameFile };
}

export async function preview(ctx: CustomersContext, id: string) {
  await existingRun(ctx, id);
  return { rows: await store.readRows(ctx.db, ctx.tenant.tenantId, id, PREVIEW_ROWS) };
}

export async function listImports(ctx: CustomersContext) {
  return { items: (await store.listRuns(ctx.db, ctx.tenant.tenantId)).map(view) };
}

const alreadyRun = () => new ProblemError(409, 'customers_import_already_run');

/** Sets which column fills which field; every field at most once, only the kind's fields. */
export async function setMapping(ctx: CustomersContext, id: string, mapping: Array<string | null>) {
  const run = await existingRun(ctx, id);
  if (run.state === 'done') throw alreadyRun();
  const known = new Set(importFields[run.kind].map((f) => f.id));
  const used = new Set<string>();
  if (mapping.length > run.header.length) throw new ProblemError(400, 'customers_import_mapping_columns', { count: run.header.length }, { path: 'body.mapping' });
  mapping.forEach((field, i) => {
    if (field === null) return;
    if (!known.has(field)) throw new ProblemError(400, 'customers_import_mapping_unknown_field', {}, { path: `body.mapping.${i}` });
    if (used.has(field)) throw new ProblemError(400, 'customers_import_mapping_twice', {}, { path: `body.mapping.${i}` });
    used.add(field);
  });
  const full = run.header.map((_, i) => mapping[i] ?? null);
  await store.updateRun(ctx.db, ctx.tenant.tenantId, id, { mapping: full, state: 'uploaded' });
  return getImport(ctx, id);
}

async function existingCustomers(ctx: CustomersContext): Promise<ExistingCustomers> {
  const byNumber = await store.customerNumbers(ctx.db, ctx.tenant.tenantId);
  const forMatching = await customerStore.customersForMatching(ctx.db, ctx.tenant.tenantId);
  return {
    byNumber,
    numberOf: new Map(forMatching.map((c) => [c.id, c.number])),
    matching: forMatching.map((o) => ({
      id: o.id,
      name: o.name,
      vatId: o.vat_id,
      emails: [...(o.email ? [o.email] : []), ...o.contactEmails],
      website: o.website,
      address: o.street || o.postcode ? { street: o.street ?? '', postcode: o.postcode ?? '', city: o.city ?? '', country: o.country ?? 'DE' } : null,
    })),
  };
}

async function checkAll(ctx: CustomersContext, run: store.ImportRun, rows: Array<{ line: number; cells: string[] }>): Promise<Array<Checked<unknown>>> {
  const mapped = mappedRows(rows, run.mapping);
  switch (run.kind) {
    case 'customers':
      return checkCustomerRows(mapped, run.numberLocale, await existingCustomers(ctx));
    case 'contacts':
      return checkContactRows(mapped, await existingCustomers(ctx));
    case 'orders': {
      const numbers = [...new Set(mapped.map((r) => r.get('partNumber')).filter((n) => n !== ''))];
      const parts = await partsByNumbers(ctx.db, ctx.tenant.tenantId, numbers);
      return checkOrderRows(mapped, run.numberLocale, await existingCustomers(ctx), { byNumber: new Map(parts.map((p) => [p.number, p.id])) }, await store.orderReferences(ctx.db, ctx.tenant.tenantId));
    }
    default:
      throw new ProblemError(400, 'customers_import_kind_not_available');
  }
}

function requireMapped(run: store.ImportRun) {
  const missing = view(run).unmappedRequired;
  if (missing.length > 0) throw new ProblemError(400, 'customers_import_required_unmapped', { fields: missing.join(', ') }, { path: 'body.mapping', fields: missing });
}

const summary = (checked: ReadonlyArray<Checked<unknown>>) => {
  const rejected = checked.filter((r) => r.problems.length > 0).map((r) => ({ line: r.line, problems: r.problems }));
  return { rowCount: checked.length, goodCount: checked.length - rejected.length, rejectedCount: rejected.length, rejected };
};

/** Checks every row as the import would, saves nothing but the result: every bad row with its line and problems. */
export async function dryRun(ctx: CustomersContext, id: string) {
  const run = await existingRun(ctx, id);
  if (run.state === 'done') throw alreadyRun();
  requireMapped(run);
  const checked = await checkAll(ctx, run, await store.readRows(ctx.db, ctx.tenant.tenantId, id));
  const result = summary(checked);
  await store.updateRun(ctx.db, ctx.tenant.tenantId, id, { state: 'checked', problems: result.rejected, rejectedCount: result.rejectedCount });
  return result;
}

/**
 * Imports in one transaction. All or nothing: any bad row → 409 naming every bad row, nothing
 * saved. Good rows only: exactly the rows without problems are saved, the others listed.
 */
export async function runImport(ctx: CustomersContext, id: string, mode: ImportMode) {
  const { tenantId, userId } = ctx.tenant;
  const run = await existingRun(ctx, id);
  if (run.state === 'done') throw alreadyRun();
  requireMapped(run);
  try {
    return await inTransaction(ctx.db, async (tx) => {
      const locked = await store.lockRows(tx, tenantId, id);
      if (locked.state === 'done') throw alreadyRun();
      const tctx = { ...ctx, db: tx };
      const checked = await checkAll(tctx, run, locked.rows);
      const decision = decideImport(checked, mode);
      const result = summary(checked);
      if (decision.outcome === 'save-none') {
        throw new ProblemError(409, 'customers_import_rows_invalid', { count: result.rejectedCount }, { ...result, saved: 0 });
      }
      const save = new Set(decision.save);
      const rows = checked.filter((r) => save.has(r.line) && r.value !== null);
      progress.set(id, { done: 0, total: rows.length });
      let orders = 0;
      if (run.kind === 'customers') await saveCustomers(tctx, id, rows as Array<Checked<ImportedCustomer>>);
      else if (run.kind === 'contacts') await saveContacts(tctx, id, rows as Array<Checked<ImportedContact>>);
      else orders = await saveImportedOrders(tctx, (rows as Array<Checked<ImportedOrderLine>>).map((r) => r.value!), (n) => tick(id, n));
      await store.updateRun(tx, tenantId, id, { state: 'done', mode, savedCount: rows.length, rejectedCount: result.rejectedCount, problems: result.rejected, dropRows: true });
      await writeAudit(tx, {
        tenantId,
        actorId: userId,
        action: run.kind === 'customers' ? 'customers.import_customers' : run.kind === 'contacts' ? 'customers.import_contacts' : 'customers.import_orders',
        target: id,
        details: { count: run.kind === 'orders' ? orders : rows.length, rejected: result.rejectedCount, rows: result.rowCount, mode, ...(run.kind === 'orders' ? { positions: rows.length } : {}) },
      });
      return { ...result, saved: rows.length, mode, ...(run.kind === 'orders' ? { orders } : {}) };
    });
  } finally {
    progress.delete(id);
  }
}

const tick = (id: string, n: number) => {
  const p = progress.get(id);
  if (p) p.done += n;
};

async function saveCustomers(ctx: CustomersContext, runId: string, rows: Array<Checked<ImportedCustomer>>) {
  const { tenantId } = ctx.tenant;
  if (rows.length === 0) return;
  let next = await store.reserveCounter(ctx.db, tenantId, 'customer', rows.length);
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await ctx.db
      .insertInto('customers')
      .values(chunk.map((r) => ({
        tenant_id: tenantId,
        id: uuidv7(),
        number: `K-${String(next++).padStart(5, '0')}`,
        ...columnsOf(r.value!.body),
        aliases: r.value!.formerNumber ? [r.value!.formerNumber] : [],
        merged_into: null,
      })))
      .execute();
    tick(runId, chunk.length);
  }
}

async function saveContacts(ctx: CustomersContext, runId: string, rows: Array<Checked<ImportedContact>>) {
  const { tenantId } = ctx.tenant;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await ctx.db
      .insertInto('customer_contacts')
      .values(chunk.map((r) => ({ tenant_id: tenantId, id: uuidv7(), customer_id: r.value!.customerId, ...contactColumns(r.value!.body) })))
      .execute();
    tick(runId, chunk.length);
  }
}
