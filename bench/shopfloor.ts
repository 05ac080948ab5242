/**
 * Shop-floor benchmarks (issue "Shop floor", performance): the terminal's booking round trip, the
 * sync of 1,000 offline bookings in the terminal's batch size, and the controlling dashboard over one
 * year of bookings on 20 work centres — on the embedded database and on a PostgreSQL server.
 * Writes its section of bench/RESULTS.md.
 *
 *   npx tsx bench/run.ts shopfloor
 *
 * Settings (environment): BENCH_PG_URL (postgres://postgres@127.0.0.1:5432/postgres; "off" measures
 * the embedded database only), BENCH_SHOPFLOOR_YEAR (2025), BENCH_ROUND_TRIPS (300).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { Instance } from '../src/kernel/instance.js';
import { startTestInstance } from '../src/kernel/testing/test-instance.js';
import { controlling } from '../src/modules/shopfloor/controlling.service.js';
import { controllingQuery } from '../src/modules/shopfloor/schemas.js';
import type { ShopfloorContext } from '../src/modules/shopfloor/shopfloor.service.js';
import { SHOPFLOOR_BEGIN, SHOPFLOOR_END, withShopfloorSection } from './shopfloor-report.js';
import { byTableName } from '../src/kernel/db/database.js';

const root = path.resolve(import.meta.dirname, '..');
const RESULTS = path.join(root, 'bench/RESULTS.md');
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const YEAR = Number(process.env.BENCH_SHOPFLOOR_YEAR ?? 2025);
const ROUND_TRIPS = Number(process.env.BENCH_ROUND_TRIPS ?? 300);
const WORK_CENTRES = 20;
/** The terminal sends its queue in batches of this size (web/booking-queue.ts). */
const TERMINAL_BATCH = 500;
/** One-minute load averages seen while measuring (noted with the results). */
const loads: number[] = [];
const log = (s: string) => {
  loads.push(os.loadavg()[0]!);
  console.log(`[shopfloor ${new Date().toISOString().slice(11, 19)}] ${s}`);
};

interface Session { base: string; cookie: string; csrf: string; api: string }

export async function signUp(base: string): Promise<Session> {
  const res = await fetch(`${base}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ company: { name: 'Bench Metall GmbH' }, user: { name: 'Bench Person', email: `bench-${randomUUID()}@example.com`, password: 'a long bench password' } }),
  });
  const body = await res.json();
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const session = { base, cookie, csrf: body.csrfToken as string, api: `/api/v1/companies/${body.companies[0].id}/shopfloor` };
  await call(session, 'PUT', `/api/v1/companies/${body.companies[0].id}/modules/shopfloor`, { enabled: true });
  return session;
}

export async function call(s: Session, method: string, url: string, body?: unknown, retried = false): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  let res: Response;
  try {
    res = await fetch(`${s.base}${url}`, {
      method,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    // A kept-alive connection the server closed while the bench was busy elsewhere: nothing was sent, try once more.
    if (retried || (error as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET') throw error;
    return call(s, method, url, body, true);
  }
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const median = (xs: number[]) => pct(xs, 50);

/** Local Berlin time of a date and clock time as epoch ms (the bench year's offsets). */
function berlin(day: string, minutes: number): number {
  const utcGuess = Date.parse(`${day}T00:00:00Z`) + minutes * 60_000;
  const offset = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Berlin', timeZoneName: 'longOffset' }).format(new Date(utcGuess)).split('GMT')[1] || '+00:00';
  const sign = offset.startsWith('-') ? -1 : 1;
  const [h, m] = offset.slice(1).split(':').map(Number);
  return utcGuess - sign * (h! * 60 + m!) * 60_000;
}

/**
 * One year on 20 work centres: two shifts (06–14 with a break 09:00–09:30, 14–22 with 18:00–18:30)
 * Monday to Friday; per shift and pair of work centres one order with two operations; each operation
 * is set up, started, books good and scrap every 20 minutes, is paused once for 15 minutes (a
 * breakdown) and finished: about 27 bookings per operation and shift.
 */
export async function loadYear(instance: Instance, s: Session): Promise<{ bookings: number; orders: number; partId: string }> {
  const db = instance.ctx.db;
  const shifts = [{ name: 'Früh', start: '06:00', end: '14:00', breaks: [{ start: '09:00', end: '09:30' }] }, { name: 'Spät', start: '14:00', end: '22:00', breaks: [{ start: '18:00', end: '18:30' }] }];
  const week = { mon: shifts, tue: shifts, wed: shifts, thu: shifts, fri: shifts };
  const centres: string[] = [];
  for (let i = 1; i <= WORK_CENTRES; i++) {
    centres.push((await call(s, 'POST', `${s.api}/work-centres`, { code: `WC-${String(i).padStart(2, '0')}`, name: `Arbeitsplatz ${i}`, calendar: { timeZone: 'Europe/Berlin', week, holidays: [] } })).id);
  }
  const parts: string[] = [];
  for (let p = 0; p < WORK_CENTRES / 2; p++) {
    parts.push((await call(s, 'POST', `${s.api}/parts`, {
      number: `P-${p}`, name: `Teil ${p}`,
      operations: [
        { name: 'Sägen', workCentreId: centres[2 * p], setupMinutes: 20, idealCycleSeconds: 40 },
        { name: 'Fräsen', workCentreId: centres[2 * p + 1], setupMinutes: 30, idealCycleSeconds: 55 },
      ],
    })).id);
  }
  const tenantId = (await db.selectFrom('shopfloor_work_centres').select('tenant_id').where('id', '=', centres[0]).executeTakeFirstOrThrow()).tenant_id as string;

  const days: string[] = [];
  for (let d = new Date(Date.UTC(YEAR, 0, 1, 12)); d.getUTCFullYear() === YEAR; d.setUTCDate(d.getUTCDate() + 1)) {
    if (d.getUTCDay() >= 1 && d.getUTCDay() <= 5) days.push(d.toISOString().slice(0, 10));
  }
  days.length = Math.min(days.length, Number(process.env.BENCH_SHOPFLOOR_DAYS ?? days.length));
  const orders: Record<string, unknown>[] = [];
  const operations: Record<string, unknown>[] = [];
  const bookings: Record<string, unknown>[] = [];
  let processed = 0;
  const sequence = new Map<string, number>();
  const book = (operationId: string, wc: number, kind: string, at: number, extra: { good?: number; scrap?: number; reason?: string } = {}) => {
    const device = `terminal-${wc}`;
    const seq = (sequence.get(device) ?? 0) + 1;
    sequence.set(device, seq);
    bookings.push({
      tenant_id: tenantId, id: randomUUID(), idempotency_key: randomUUID(), device_id: device, device_sequence: seq, operation_id: operationId, kind,
      booked_at: new Date(at), good: extra.good ?? null, scrap: extra.scrap ?? null, reason: extra.reason ?? null, parameters: '[]',
      content_hash: 'bench', status: 'applied', processed_order: ++processed,
    });
  };
  let n = 0;
  for (const day of days) {
    for (const [shiftStart, breakStart] of [[360, 540], [840, 1080]] as const) {
      for (let p = 0; p < WORK_CENTRES / 2; p++) {
        const orderId = randomUUID();
        n++;
        orders.push({
          tenant_id: tenantId, id: orderId, number: `FA-${YEAR}-${String(n).padStart(5, '0')}`, part_id: parts[p], quantity: 40, priority: 5,
          due_date: day, customer_reference: '', released_at: new Date(berlin(day, shiftStart) - 86_400_000),
        });
        for (const position of [1, 2]) {
          const wc = 2 * p + position - 1;
          const opId = randomUUID();
          operations.push({ tenant_id: tenantId, id: opId, order_id: orderId, position, name: position === 1 ? 'Sägen' : 'Fräsen', work_centre_id: centres[wc], setup_minutes: 20, ideal_cycle_seconds: position === 1 ? 40 : 55, parameters: '[]' });
          const t = (m: number) => berlin(day, shiftStart + m);
          book(opId, wc, 'start-setup', t(5));
          book(opId, wc, 'start-production', t(30));
          for (let m = 50; m < 470; m += 20) {
            if (m >= 200 && m < 215) continue;
            book(opId, wc, 'quantity', t(m), { good: 18 + (m % 7), scrap: m % 60 === 0 ? 1 : 0, ...(m % 60 === 0 ? { reason: 'dimension' } : {}) });
          }
          book(opId, wc, 'pause', t(200), { reason: 'breakdown' });
          book(opId, wc, 'resume', t(215));
          book(opId, wc, 'finish', t(470));
          void breakStart;
        }
      }
    }
  }
  const insert = async (table: string, rows: Record<string, unknown>[]) => {
    for (let i = 0; i < rows.length; i += 1000) await byTableName(db).insertInto(table).values(rows.slice(i, i + 1000)).execute();
  };
  await insert('shopfloor_orders', orders);
  await insert('shopfloor_order_operations', operations);
  await insert('shopfloor_bookings', bookings);
  await sql`analyze`.execute(db);
  return { bookings: bookings.length, orders: orders.length, partId: parts[0]! };
}

interface KindResult {
  kind: 'embedded' | 'server';
  bookings: number;
  orders: number;
  loadSeconds: number;
  roundTrip: { p50: number; p95: number; n: number };
  sync: { ms: number; batches: number; applied: number };
  dashboard: Array<{ label: string; ms: number; runs: number[]; first: number }>;
  afterLate: number;
  withoutKeptDays: number;
}

async function measure(kind: 'embedded' | 'server'): Promise<KindResult> {
  if (kind === 'server') process.env.TEST_DATABASE_URL = PG_URL;
  const instance = await startTestInstance(kind);
  try {
    await instance.app.listen({ port: 0, host: '127.0.0.1' });
    const address = instance.app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const s = await signUp(base);
    log(`${kind}: loading one year of bookings …`);
    const started = performance.now();
    const year = await loadYear(instance, s);
    const loadSeconds = (performance.now() - started) / 1000;
    log(`${kind}: ${year.bookings} bookings, ${year.orders} orders in ${loadSeconds.toFixed(0)} s`);

    // Dashboard: one year, as the page asks for it (grouped by work centre; by day; by shift). The
    // first request finds no kept days and computes (and keeps) every one of them.
    const dashboard: KindResult['dashboard'] = [];
    const yearUrl = (groupBy: string) => `${s.api}/controlling?from=${YEAR}-01-01&to=${YEAR}-12-31&groupBy=${groupBy}`;
    // through the whole Fastify stack (session, permission, schema) but without a socket
    const get = async (url: string) => {
      const t0 = performance.now();
      const res = await instance.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      return performance.now() - t0;
    };
    for (const [label, groupBy] of [['year by work centre (`groupBy=month`)', 'month'], ['year by day (`groupBy=day`)', 'day'], ['year by shift (`groupBy=shift`)', 'shift']] as const) {
      const first = await get(yearUrl(groupBy));
      log(`${kind}: dashboard ${label}: first request ${first.toFixed(0)} ms`);
      const runs: number[] = [];
      for (let i = 0; i < 5; i++) runs.push(await get(yearUrl(groupBy)));
      dashboard.push({ label, ms: median(runs), runs, first });
      log(`${kind}: dashboard ${label}: median ${median(runs).toFixed(0)} ms`);
    }

    // Side by side: the same year computed from the bookings without the kept days (the service directly).
    const tenantId = s.api.split('/')[4]!;
    const context = { db: instance.ctx.db, tenant: { tenantId } } as unknown as ShopfloorContext;
    const recomputed: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      await controlling(context, controllingQuery.parse({ from: `${YEAR}-01-01`, to: `${YEAR}-12-31`, groupBy: 'month' }), Date.now(), { keep: false });
      recomputed.push(performance.now() - t0);
    }
    const withoutKeptDays = median(recomputed);
    log(`${kind}: year by work centre computed from the bookings: median ${withoutKeptDays.toFixed(0)} ms`);

    // Booking round trip: one booking per request, as the terminal sends a booking made online,
    // on an operation of the loaded year that is running.
    const newOrder = async (number: string) => (await call(s, 'POST', `${s.api}/orders`, { number, partId: year.partId, quantity: 500 })).operations.map((o: { id: string }) => o.id) as string[];

    // A tablet that was offline in June delivers a shift's bookings: the days around them are computed again.
    const [lateOp] = await newOrder('BENCH-LATE');
    const lateAt = (m: number) => new Date(Date.UTC(YEAR, 5, 18, 6, m)).toISOString();
    const late = ['start-production', 'quantity', 'finish'].map((k, i) => ({ key: randomUUID(), deviceId: `bench-late-${randomUUID()}`, sequence: i + 1, operationId: lateOp, kind: k, at: lateAt(10 * i), ...(k === 'quantity' ? { good: 5, scrap: 0 } : {}) }));
    await call(s, 'POST', `${s.api}/bookings`, { bookings: late });
    const afterLate = await get(yearUrl('month'));
    log(`${kind}: dashboard after late bookings: ${afterLate.toFixed(0)} ms`);

    const [opId] = await newOrder('BENCH-ROUND-TRIP');
    const device = `bench-terminal-${randomUUID()}`;
    let seq = 0;
    const at = (m: number) => new Date(Date.UTC(YEAR + 1, 0, 5, 8, m)).toISOString();
    await call(s, 'POST', `${s.api}/bookings`, { bookings: [{ key: randomUUID(), deviceId: device, sequence: ++seq, operationId: opId, kind: 'start-production', at: at(0) }] });
    const times: number[] = [];
    for (let i = 0; i < ROUND_TRIPS; i++) {
      const t0 = performance.now();
      const answer = await call(s, 'POST', `${s.api}/bookings`, { bookings: [{ key: randomUUID(), deviceId: device, sequence: ++seq, operationId: opId, kind: 'quantity', at: at(1 + (i % 50)), good: 3, scrap: 0 }] });
      times.push(performance.now() - t0);
      if (answer.results[0].status !== 'applied') throw new Error(`round trip: ${JSON.stringify(answer)}`);
    }
    const roundTrip = { p50: pct(times, 50), p95: pct(times, 95), n: times.length };
    log(`${kind}: round trip p50 ${roundTrip.p50.toFixed(1)} ms, p95 ${roundTrip.p95.toFixed(1)} ms`);

    // Sync of 1,000 offline bookings: a terminal that was offline for a shift, on the 20 operations of
    // 10 new orders, sending its queue in its batch size.
    const ops: string[] = [];
    for (let i = 0; i < 10; i++) ops.push(...(await newOrder(`BENCH-SYNC-${i}`)));
    const offlineDevice = `bench-offline-${randomUUID()}`;
    const queue: Record<string, unknown>[] = [];
    let oseq = 0;
    for (const [k, op] of ops.entries()) {
      const t = (m: number) => new Date(Date.UTC(YEAR + 1, 0, 6, 5, 0) + k * 3_600_000 + m * 1000).toISOString();
      const b = (kind: string, m: number, extra: Record<string, unknown> = {}) => queue.push({ key: randomUUID(), deviceId: offlineDevice, sequence: ++oseq, operationId: op, kind, at: t(m), ...extra });
      b('start-production', 0);
      for (let q = 0; q < 46; q++) b('quantity', 10 + q * 10, { good: 2, scrap: q % 10 === 0 ? 1 : 0 });
      b('pause', 500, { reason: 'breakdown' });
      b('resume', 600);
      b('finish', 700);
    }
    queue.length = 1000;
    const t0 = performance.now();
    let applied = 0;
    let batches = 0;
    for (let i = 0; i < queue.length; i += TERMINAL_BATCH) {
      const answer = await call(s, 'POST', `${s.api}/bookings`, { bookings: queue.slice(i, i + TERMINAL_BATCH) });
      batches++;
      applied += answer.results.filter((r: { status: string }) => r.status === 'applied').length;
    }
    const sync = { ms: performance.now() - t0, batches, applied };
    if (applied !== queue.length) throw new Error(`sync: only ${applied} of ${queue.length} applied`);
    log(`${kind}: sync of 1,000 bookings in ${sync.ms.toFixed(0)} ms`);
    return { kind, bookings: year.bookings, orders: year.orders, loadSeconds, roundTrip, sync, dashboard, afterLate, withoutKeptDays };
  } finally {
    await instance.close();
  }
}

function render(results: KindResult[], skipped: string | null): string {
  const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');
  const ms = (x: number) => `${x.toFixed(x < 100 ? 1 : 0)} ms`;
  const cpu = `${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores)`;
  const lines = [
    '## Shop floor',
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node.js ${process.version}. ` +
      'Re-run with `npx tsx bench/run.ts shopfloor` (settings in `bench/shopfloor.ts`). Server and client in one process; bookings over HTTP on 127.0.0.1, the dashboard through the whole Fastify stack by `inject` (no socket). ' +
      `One-minute load average while measuring: ${loads.length ? `${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}` : 'unknown'} on ${os.cpus().length} cores.`,
    '',
    `Data set: one year (${YEAR}) on ${WORK_CENTRES} work centres with two shifts Monday to Friday; per shift and pair of work centres one order with two operations, ` +
      'each set up, started, booking good and scrap every 20 minutes, paused once and finished — ' +
      results.map((r) => `${r.bookings.toLocaleString('en-US')} bookings and ${r.orders.toLocaleString('en-US')} orders (${r.kind}, loaded in ${r.loadSeconds.toFixed(0)} s)`)[0] + '.',
    '',
    `| measure | target | ${results.map((r) => (r.kind === 'embedded' ? 'embedded (PGlite)' : 'PostgreSQL server')).join(' | ')} |`,
    `|---|---|${results.map(() => '---|').join('')}`,
    `| booking round trip, one booking per \`POST /bookings\` (${results[0]?.roundTrip.n} in a row), p50 / p95 | p95 ≤ 100 ms | ${results.map((r) => `${ms(r.roundTrip.p50)} / ${ms(r.roundTrip.p95)} (${verdict(r.roundTrip.p95 <= 100)})`).join(' | ')} |`,
    `| sync of 1,000 offline bookings in batches of ${TERMINAL_BATCH} (as the terminal's queue) | ≤ 10 s | ${results.map((r) => `${(r.sync.ms / 1000).toFixed(2)} s (${verdict(r.sync.ms <= 10_000)})`).join(' | ')} |`,
    ...(results[0]?.dashboard ?? []).map((d, i) => `| controlling dashboard, ${d.label}, median of 5 | ≤ 1 s | ${results.map((r) => `${ms(r.dashboard[i]!.ms)} (${verdict(r.dashboard[i]!.ms <= 1000)})`).join(' | ')} |`),
    `| controlling dashboard, year by work centre, right after a tablet delivered a shift of June late | ≤ 1 s | ${results.map((r) => `${ms(r.afterLate)} (${verdict(r.afterLate <= 1000)})`).join(' | ')} |`,
    `| year by work centre computed from the bookings without kept days (the service alone, median of 3) — side by side | – | ${results.map((r) => `${ms(r.withoutKeptDays)} (${(r.withoutKeptDays / r.dashboard[0]!.ms).toFixed(1)}× the kept-days figure)`).join(' | ')} |`,
    `| first request of the year with no day kept yet (computes and keeps every finished day: once after loading, or after a change of a shift calendar or a reason's class) | – | ${results.map((r) => ms(r.dashboard[0]!.first)).join(' | ')} |`,
    '',
  ];
  if (skipped) lines.push(`PostgreSQL server: ${skipped}`, '');
  lines.push(
    'What was changed for these figures: before, the controlling loaded every booking of the company and replayed it through the sync rules, ' +
      'expanded the shift calendar of every work centre with two to four `Intl` time-zone look-ups per shift time, computed the KPIs four times and ' +
      'matched 10,000 operations to 5,000 orders by scanning — with only 40 days of the bookings the year view already took 9 s on the PostgreSQL server. Now the runs come from ' +
      'one SQL window function, the quantities summed per work centre between shift and day boundaries, the order figures from one grouped query ' +
      '(`src/modules/shopfloor/controlling-facts.store.ts`), the coarser groupings are sums of the finest rows (`domain/kpi-roll-up.ts`), identical ' +
      'calendars are expanded once and time-zone offsets are cached per quarter hour. Every terminal delivery asked for the highest processing order ' +
      'by reading all of the company\'s bookings; an index on (tenant, processed order) answers it directly. ' +
      'Then (profiled with `node --cpu-prof` and `EXPLAIN ANALYZE`): the order figures did two to three `Intl` time-zone conversions per order ' +
      '(local day of finishing, end of the due date) — about 0.9 s of CPU per request for 5,220 orders; now the local days of the period are ' +
      'looked up by binary search and each due date is converted once. Timestamps come from SQL as epoch milliseconds instead of 100,000 date ' +
      'strings to parse, the four queries run side by side on the PostgreSQL server, and two narrow partial indexes ' +
      '(`migrations/20261231_0001_shopfloor_controlling_indexes.sql`) serve the state changes and the quantities without scanning every booking.',
    '',
    'Then the embedded database still took 1.2–1.4 s for the year: PGlite needed about 0.3 s to run the window function over 42,000 state changes, ' +
      '0.35 s to hand them over and 0.4 s to sum 209,000 quantities. Now the figures of finished days are kept per work centre and time zone ' +
      '(`shopfloor_controlling_days`, `controlling-days.store.ts`): a year reads 20 rows of kept days and computes only the days that are missing, ' +
      'not over yet or touched by a run or pause that is still open. Triggers (`migrations/20270102_0001_shopfloor_controlling_days.sql`) forget, in the ' +
      'same transaction, the days a change can alter: the span of an operation whose bookings change (a late offline booking included), every day of ' +
      'a work centre whose shift calendar changes, every day of the company when a reason is added, changed or removed; a per-company change counter ' +
      'keeps a request from storing figures read before a change committed. A property test (`controlling-days.routes.test.ts`) checks that kept and ' +
      'recomputed figures agree after random bookings, calendar and reason changes. The bulk load of the bench year takes longer with the triggers.',
    '',
  );
  return lines.join('\n');
}

export async function runShopfloorBenches(): Promise<void> {
  const results: KindResult[] = [await measure('embedded')];
  let skipped: string | null = null;
  if (PG_URL !== 'off') {
    try {
      results.push(await measure('server'));
    } catch (error) {
      skipped = `not measured (${(error as Error).message.split('\n')[0]})`;
      log(skipped);
    }
  }
  const section = render(results, skipped);
  const text = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '# Benchmark results\n';
  writeFileSync(RESULTS, withShopfloorSection(text, `${SHOPFLOOR_BEGIN}\n${section.trim()}\n${SHOPFLOOR_END}`));
  console.log(section);
}
