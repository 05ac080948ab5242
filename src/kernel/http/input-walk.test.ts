import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../instance.js';
import { type WalkCompany, companyWithFixtures } from '../testing/company-with-fixtures.js';
import { sendToRoute, watchChanges, writeRoutesOf } from '../testing/write-routes.js';
import { startTestInstance } from '../testing/test-instance.js';
import { testDatabaseKinds } from '../testing/test-database.js';
import type { WriteExample } from '../testing/write-example.js';

/**
 * The outside probe's classes of bad input, generated over every registered write route
 * (POST, PUT, PATCH, DELETE) from a valid example request per route (`*.write-examples.ts`):
 *
 * - the NUL character and lone UTF-16 surrogates in every text, object key and path parameter
 *   → 400 `invalid_text` at the edge;
 * - a 1 MB text in place of every text; the wrong JSON type in place of every value; an empty
 *   object; malformed JSON; nesting 10,000 levels deep (→ 400 `nesting_too_deep`);
 * - in place of every id that refers to something (work centre, part, plan item, member, …) the id
 *   of the same kind of thing in another company → 4xx naming the field;
 *
 * and then the valid request itself (it must succeed, so the mutations test more than a broken
 * example). No answer may be ≥ 500; every 4xx is problem+json with a translated title; and on a
 * 4xx nothing changed: row count and newest row version of every tenant table (both companies) and
 * of `tenants` and `users` are compared after every request (`fingerprint` in write-routes.ts).
 *
 * Cost: the body cases are sampled — per route and class at most `WALK_PER_CLASS` places
 * (default 2, chosen by a seeded shuffle: `FC_SEED` as for the property tests); `WALK_PER_CLASS=all`
 * walks every place. Foreign ids and path parameters are always walked completely.
 */
const PER_CLASS = process.env.WALK_PER_CLASS === 'all' ? Infinity : Number(process.env.WALK_PER_CLASS ?? 2);
const SEED = Number(process.env.FC_SEED ?? 20261207);

/** Body fields holding an id of another object, and the fixture id of that kind of object. */
const REFERENCE_FIELDS: Record<string, string> = {
  workCentreId: 'workCentreId',
  partId: 'partId',
  operationId: 'operationId',
  machineId: 'machineId',
  pointId: 'pointId',
  planItemId: 'itemId',
  ownerUserId: 'userId',
  memberIds: 'userId',
  parentId: 'reasonId',
  userId: 'userId',
  // a module's reference to a person in a data-subject request; the walk's examples name workers
  ref: 'userId',
  salesOwnerId: 'userId',
  absorbedId: 'customerId',
  customerId: 'customerId',
  contactId: 'contactId',
  personId: 'userId',
  personIds: 'userId',
  // a position of the customer order in the path (deliveries)
  positionId: 'orderPositionId',
};
/** Ids in bodies that refer to nothing stored before: the device generates them. */
const NOT_REFERENCES = new Set(['key']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Path = Array<string | number>;
type Json = unknown;
interface Case {
  label: string;
  /** JSON value, or a raw JSON text when `raw` is set. */
  body?: Json;
  raw?: string;
  url: string;
  /** 400 with this code; `4xx` for any client error naming `field`; `ok<500` for "anything but a server error". */
  expect: { status: 400; code: string } | { status: '4xx'; field?: string } | { status: 'below500' };
}

function nodesOf(value: Json, path: Path = []): Array<{ path: Path; value: Json }> {
  const out: Array<{ path: Path; value: Json }> = [];
  if (path.length > 0) out.push({ path, value });
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...nodesOf(v, [...path, i])));
  else if (value && typeof value === 'object' && !Buffer.isBuffer(value)) for (const [k, v] of Object.entries(value)) out.push(...nodesOf(v, [...path, k]));
  return out;
}

function setAt(root: Json, path: Path, value: Json): Json {
  const copy = structuredClone(root) as Record<string | number, Json>;
  let node = copy;
  for (const part of path.slice(0, -1)) node = node[part] as Record<string | number, Json>;
  node[path[path.length - 1]] = value;
  return copy;
}

const fieldOf = (path: Path) => [...path].reverse().find((p): p is string => typeof p === 'string') ?? '';

function wrongTypeFor(value: Json): Json {
  if (typeof value === 'string') return 4711;
  if (typeof value === 'number') return '4711';
  if (typeof value === 'boolean') return 'yes';
  if (value === null) return { unexpected: true };
  if (Array.isArray(value)) return 'not a list';
  return ['not', 'an', 'object'];
}

/** A deterministic shuffle (mulberry32), so a failing sample can be repeated with its seed. */
function sample<T>(items: T[], n: number, seed: number): T[] {
  if (items.length <= n) return items;
  let s = seed >>> 0;
  const random = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, n);
}

const hashOf = (text: string) => [...text].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, 0);

/**
 * An upload (a ZIP, a photo) is bytes, not JSON: texts, keys and nesting are the file format's
 * business, checked by its reader. What the walk can send is a damaged file — nothing, bytes of
 * another kind, the file cut in half — each refused with a 4xx that stores nothing.
 */
function uploadCases(url: string, body: Buffer): Case[] {
  return [
    { label: 'empty upload', url, body: Buffer.alloc(0), expect: { status: '4xx' } },
    { label: 'upload of random bytes', url, body: randomBytes(4096), expect: { status: '4xx' } },
    { label: 'upload cut in half', url, body: body.subarray(0, Math.floor(body.length / 2)), expect: { status: '4xx' } },
  ];
}

/** Every bad request for one route, from its valid example. */
function casesFor(key: string, example: WriteExample, url: string, params: string[], fill: (p: string) => string, idsOfB: Record<string, string>): Case[] {
  const cases: Case[] = [];
  const urlWith = (param: string, value: string) => url.replace(`/${fill(param)}`, `/${value}`);
  for (const p of params) {
    // 404 for :companyId (the company guard runs first, so an outsider learns nothing), else 400 invalid_text
    cases.push({ label: `NUL in :${p}`, url: urlWith(p, `${encodeURIComponent(fill(p))}%00`), body: example.body, expect: { status: '4xx' } });
    if (p === 'companyId') continue; // the same guard for every route: its NUL case stands for the rest
    cases.push({ label: `broken UTF-8 in :${p}`, url: urlWith(p, '%ED%A0%80'), body: example.body, expect: { status: '4xx' } });
    cases.push({ label: `wrong type in :${p}`, url: urlWith(p, 'not-an-id'), body: example.body, expect: { status: '4xx' } });
  }
  const body = example.body;
  if (Buffer.isBuffer(body)) return [...cases, ...uploadCases(url, body)];
  if (body === undefined) return cases;

  const nodes = nodesOf(body);
  const texts = nodes.filter((n) => typeof n.value === 'string');
  const pick = <T>(items: T[], cls: string) => sample(items, PER_CLASS, SEED ^ hashOf(key + cls));
  for (const n of pick(texts, 'nul')) cases.push({ label: `NUL in ${n.path.join('.')}`, url, body: setAt(body, n.path, `${n.value}\u0000`), expect: { status: 400, code: 'invalid_text' } });
  for (const n of pick(texts, 'surrogate')) cases.push({ label: `lone surrogate in ${n.path.join('.')}`, url, body: setAt(body, n.path, `\uD800${n.value}`), expect: { status: 400, code: 'invalid_text' } });
  for (const n of pick(texts, 'megabyte')) cases.push({ label: `1 MB text in ${n.path.join('.')}`, url, body: setAt(body, n.path, randomBytes(786_432).toString('base64')), expect: { status: 'below500' } });
  for (const n of pick(nodes, 'type')) cases.push({ label: `wrong type in ${n.path.join('.')}`, url, body: setAt(body, n.path, wrongTypeFor(n.value)), expect: { status: 'below500' } });
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    cases.push({ label: 'NUL in an object key', url, body: { ...body, 'x\u0000y': 1 }, expect: { status: 400, code: 'invalid_text' } });
    cases.push({ label: 'empty object', url, body: {}, expect: { status: 'below500' } });
  }
  cases.push({ label: 'wrong type of the whole body', url, body: 'a text instead of an object', expect: { status: 'below500' } });
  cases.push({ label: 'malformed JSON', url, raw: '{"a": [1, 2', expect: { status: '4xx' } });
  cases.push({ label: 'nested 10,000 levels deep', url, raw: `${'['.repeat(10_000)}${']'.repeat(10_000)}`, expect: { status: '4xx' } });
  const deepAt = nodes.find((n) => n.value !== null && typeof n.value === 'object');
  if (deepAt) {
    let deep: Json = 'bottom';
    for (let i = 0; i < 64; i++) deep = { deeper: deep };
    cases.push({ label: `nested 64 levels in ${deepAt.path.join('.')}`, url, body: setAt(body, deepAt.path, deep), expect: { status: 400, code: 'nesting_too_deep' } });
  }

  for (const n of nodes) {
    if (!(typeof n.value === 'string' && UUID.test(n.value)) && n.value !== null) continue;
    const field = fieldOf(n.path);
    if (NOT_REFERENCES.has(field)) continue;
    const kind = REFERENCE_FIELDS[field];
    if (!kind) {
      if (n.value === null) continue;
      throw new Error(`${key}: the id in body.${n.path.join('.')} — add "${field}" to REFERENCE_FIELDS (the kind of object it refers to) or NOT_REFERENCES`);
    }
    expect(idsOfB[kind], `no fixture id "${kind}" for ${field}`).toBeDefined();
    cases.push({ label: `id of another company in ${n.path.join('.')}`, url, body: setAt(body, n.path, idsOfB[kind]), expect: { status: '4xx', field } });
  }
  return cases;
}

describe.each(testDatabaseKinds())('input walk over every write route on the %s database', (kind) => {
  let instance: Instance;
  let a: WalkCompany;
  let b: WalkCompany;

  beforeAll(async () => {
    instance = await startTestInstance(kind);
    a = await companyWithFixtures(instance, 'Alpha GmbH', 'alice@alpha.example');
    b = await companyWithFixtures(instance, 'Beta GmbH', 'bob@beta.example');
  }, 300_000);
  afterAll(async () => instance?.close());

  it('answers every bad request with a 4xx that changes nothing, and never with a 5xx', async () => {
    const routes = writeRoutesOf(instance, a);
    expect(routes.length).toBeGreaterThan(60);
    const failures: string[] = [];
    let requests = 0;
    const started = Date.now();
    const watch = await watchChanges(instance);
    for (const route of routes) {
      const { key, example } = route;
      const fill = (p: string) => (p === 'companyId' ? a.companyId : a.ids[p]);
      const succeeded: string[] = [];
      for (const c of casesFor(key, example, route.url, route.params, fill, b.ids)) {
        requests++;
        const res = await sendToRoute(instance, a, route, c);
        const where = `${key} — ${c.label}: ${res.status} ${res.text.slice(0, 300)}`;
        if (res.status >= 500) {
          const changed = await watch.changed();
          failures.push(changed.length > 0 ? `${where} (and stored in ${changed.join(', ')})` : where);
          continue;
        }
        if (c.expect.status === 400 && (res.status !== 400 || res.json?.code !== c.expect.code)) failures.push(`${where} (expected 400 ${c.expect.code})`);
        if (c.expect.status === '4xx' && (res.status < 400 || res.status >= 500)) failures.push(`${where} (expected 4xx)`);
        if (c.expect.status === '4xx' && c.expect.field && res.status >= 400 && !res.text.includes(c.expect.field)) failures.push(`${where} (the answer does not name ${c.expect.field})`);
        if (res.status >= 400) {
          if (!/application\/problem\+json/.test(res.type) || typeof res.json?.code !== 'string' || String(res.json?.title ?? 'errors.').startsWith('errors.')) {
            failures.push(`${where} (not a translated problem)`);
          }
          const changed = await watch.changed();
          if (changed.length > 0 && !example.recordsFailures) failures.push(`${where} (stored in ${changed.join(', ')})`);
        } else {
          succeeded.push(c.label);
          await watch.changed();
        }
      }
      if (example.expect !== 0) {
        requests++;
        const res = await sendToRoute(instance, a, route, { body: example.body });
        const expected = example.expect ?? '2xx';
        // a bad request that was accepted (say a 1 MB description) may have taken the example's name
        const taken = res.status === 409 && succeeded.length > 0;
        const ok = taken || (expected === '2xx' ? res.status >= 200 && res.status < 300 : res.status === expected);
        if (!ok) failures.push(`${key} — the valid example: ${res.status} ${res.text.slice(0, 300)} (expected ${expected})`);
        await watch.changed();
      }
    }
    console.info(`input walk (${kind}): ${requests} requests over ${routes.length} write routes in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(failures).toEqual([]);
  }, 600_000);
});
