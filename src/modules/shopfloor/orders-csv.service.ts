import { issueNumbers } from './lots.store.js';
import { DateTime } from 'luxon';
import { inTransaction } from '../../kernel/db/transaction.js';
import { ProblemError } from '../../kernel/http/problem.js';
import { translate } from '../../kernel/i18n/server-messages.js';
import { CsvSyntaxError, type CsvRecord, parseCsv, parseDay } from '../../kernel/tabular/index.js';
import type { Order } from './schemas.js';
import { type ShopfloorContext, audit, orderFromPart, uniquely, withProgress } from './shopfloor.service.js';
import * as store from './shopfloor.store.js';

/** Columns of the import file; headers are matched without regard to case, spaces, "-" and "_". */
const CSV_COLUMNS: Record<string, string[]> = {
  number: ['number', 'ordernumber', 'order', 'auftrag', 'auftragsnummer', 'auftragsnr'],
  part: ['part', 'partnumber', 'teil', 'teilenummer', 'artikel', 'artikelnummer'],
  quantity: ['quantity', 'menge', 'stückzahl', 'stueckzahl'],
  dueDate: ['duedate', 'due', 'liefertermin', 'termin', 'fälligkeit', 'faelligkeit'],
  customerReference: ['customerreference', 'customer', 'kundenreferenz', 'kunde', 'kundenauftrag'],
  priority: ['priority', 'priorität', 'prioritaet'],
  releasedAt: ['releasedat', 'released', 'freigabe', 'freigegeben', 'freigabeam'],
};
const REQUIRED_COLUMNS = ['number', 'part', 'quantity'];

export interface CsvError {
  line: number;
  column: string | null;
  code: string;
  message: string;
}

function parseReleasedAt(value: string): string | null {
  if (!/(Z|[+-]\d{2}:?\d{2})$/.test(value)) return null;
  const d = DateTime.fromISO(value, { setZone: true });
  return d.isValid ? d.toUTC().toISO() : null;
}

/**
 * Imports production orders from CSV: every line is checked first, and only when all are valid are
 * they stored, in one transaction. Errors name the line (of the file) and column, translated.
 */
export async function importOrdersCsv(ctx: ShopfloorContext, csv: string): Promise<{ imported: number; orders: Order[] }> {
  const locale = ctx.locale ?? 'de';
  const errors: CsvError[] = [];
  const fail = (line: number, column: string | null, code: string, params: Record<string, string | number> = {}) =>
    errors.push({ line, column, code, message: translate(locale, `shopfloorCsv.${code}`, { line, column: column ?? '', ...params }) });
  const reject = () => new ProblemError(400, 'shopfloor_csv_invalid', { count: errors.length }, { errors });

  let records: CsvRecord[];
  try {
    records = parseCsv(csv).records;
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    fail(error.line, null, 'syntax');
    throw reject();
  }
  if (records.length < 2) {
    fail(records[0]?.line ?? 1, null, 'empty');
    throw reject();
  }
  const [header, ...lines] = records;
  if (lines.length > 5000) {
    fail(header.line, null, 'tooMany', { max: 5000 });
    throw reject();
  }
  const normal = (h: string) => h.toLowerCase().replace(/[\s_-]/g, '');
  const index: Record<string, number> = {};
  header.fields.forEach((h, i) => {
    const column = Object.entries(CSV_COLUMNS).find(([, names]) => names.includes(normal(h)))?.[0];
    if (column && index[column] === undefined) index[column] = i;
  });
  for (const column of REQUIRED_COLUMNS) if (index[column] === undefined) fail(header.line, column, 'missingColumn');
  if (errors.length > 0) throw reject();

  const partNumbers = [...new Set(lines.map((l) => l.fields[index.part] ?? '').filter(Boolean))];
  const parts = await store.findPartsByNumber(ctx.db, ctx.tenant.tenantId, partNumbers);
  const partById = new Map((await store.listParts(ctx.db, ctx.tenant.tenantId, [...parts.values()])).map((p) => [p.id, p]));
  const existing = await store.existingOrderNumbers(ctx.db, ctx.tenant.tenantId, lines.map((l) => l.fields[index.number] ?? '').filter(Boolean));
  const seen = new Map<string, number>();
  const orders: store.NewOrder[] = [];

  for (const { line, fields } of lines) {
    const get = (column: string) => (index[column] === undefined ? '' : (fields[index[column]] ?? ''));
    const before = errors.length;
    if (fields.length !== header.fields.length) fail(line, null, 'fieldCount', { expected: header.fields.length, found: fields.length });
    const number = get('number');
    if (!number) fail(line, 'number', 'required');
    else if (number.length > 60) fail(line, 'number', 'tooLong', { max: 60 });
    else if (existing.has(number)) fail(line, 'number', 'numberExists', { value: number });
    else if (seen.has(number)) fail(line, 'number', 'duplicateInFile', { value: number, other: seen.get(number)! });
    if (number) seen.set(number, seen.get(number) ?? line);

    const partNumber = get('part');
    const part = partById.get(parts.get(partNumber) ?? '');
    if (!partNumber) fail(line, 'part', 'required');
    else if (!part) fail(line, 'part', 'unknownPart', { value: partNumber });
    else if (part.operations.length === 0) fail(line, 'part', 'partWithoutRouting', { value: partNumber });

    const quantityText = get('quantity');
    const quantity = Number(quantityText);
    if (!quantityText) fail(line, 'quantity', 'required');
    else if (!/^\d+$/.test(quantityText) || !Number.isSafeInteger(quantity)) fail(line, 'quantity', 'notAWholeNumber', { value: quantityText });
    else if (quantity < 1 || quantity > 100_000_000) fail(line, 'quantity', 'quantityRange', { value: quantityText });

    const dueText = get('dueDate');
    const dueDate = dueText ? parseDay(dueText) : null;
    if (dueText && !dueDate) fail(line, 'dueDate', 'invalidDate', { value: dueText });

    const priorityText = get('priority');
    const priority = priorityText ? Number(priorityText) : 5;
    if (priorityText && (!/^\d$/.test(priorityText) || priority < 1)) fail(line, 'priority', 'invalidPriority', { value: priorityText });

    const releasedText = get('releasedAt');
    const releasedAt = releasedText ? parseReleasedAt(releasedText) : null;
    if (releasedText && !releasedAt) fail(line, 'releasedAt', 'invalidTimestamp', { value: releasedText });

    const customerReference = get('customerReference');
    if (customerReference.length > 200) fail(line, 'customerReference', 'tooLong', { max: 200 });

    if (errors.length === before && part) {
      orders.push(orderFromPart({ number, quantity, dueDate, customerReference, priority, releasedAt }, part));
    }
  }
  if (errors.length > 0) throw reject();

  await inTransaction(ctx.db, async (db) => {
    await uniquely('order', '', () => store.insertOrders(db, ctx.tenant.tenantId, orders));
    await issueNumbers(db, ctx.tenant.tenantId, orders.map((o) => o.id));
    await audit({ ...ctx, db }, 'orders_imported', ctx.tenant.tenantId, { count: orders.length });
  });
  return { imported: orders.length, orders: await withProgress(ctx, await store.listOrders(ctx.db, ctx.tenant.tenantId, orders.map((o) => o.id))) };
}
