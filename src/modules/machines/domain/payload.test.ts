import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_MESSAGES, MAX_STRING_LENGTH, MAX_TS, MIN_TS, parseTelemetry, parseTelemetryText, parseTelemetryWithSchema } from './payload.js';

const errorsOf = (payload: unknown) => {
  const r = parseTelemetry(payload);
  return r.ok ? [] : r.errors;
};

describe('parseTelemetry', () => {
  it('reads an ISO time with offset and epoch milliseconds to the same instant', () => {
    const iso = parseTelemetry({ ts: '2026-03-01T09:15:00+01:00', values: { temp: 21.5 } });
    const epoch = parseTelemetry({ ts: Date.UTC(2026, 2, 1, 8, 15), values: { temp: 21.5 } });
    expect(iso).toEqual({ ok: true, samples: [{ point: 'temp', ts: 1772352900000, value: 21.5 }] });
    expect(epoch).toEqual(iso);
  });

  it('flattens an array of messages with numbers, booleans and texts', () => {
    const r = parseTelemetry([
      { ts: '2026-03-01T08:00:00Z', values: { current: 180, running: true, program: 'P-17' } },
      { ts: '2026-03-01T08:00:01.250Z', values: { current: 181.5 } },
    ]);
    expect(r).toEqual({
      ok: true,
      samples: [
        { point: 'current', ts: 1772352000000, value: 180 },
        { point: 'running', ts: 1772352000000, value: true },
        { point: 'program', ts: 1772352000000, value: 'P-17' },
        { point: 'current', ts: 1772352001250, value: 181.5 },
      ],
    });
  });

  it('keeps the first of two values for the same point and instant', () => {
    const r = parseTelemetry([
      { ts: 1772352000000, values: { a: 1 } },
      { ts: '2026-03-01T08:00:00Z', values: { a: 2 } },
    ]);
    expect(r).toEqual({ ok: true, samples: [{ point: 'a', ts: 1772352000000, value: 1 }] });
  });

  it.each([
    ['a time without offset', { ts: '2026-03-01T08:00:00', values: { a: 1 } }, 'ts', /offset/],
    ['epoch seconds', { ts: 1772352000, values: { a: 1 } }, 'ts', /seconds/],
    ['fractional milliseconds', { ts: 1772352000000.5, values: { a: 1 } }, 'ts', /whole/],
    ['a date out of range', { ts: '2150-01-01T00:00:00Z', values: { a: 1 } }, 'ts', /between/],
    ['an impossible date', { ts: '2026-02-30T25:00:00Z', values: { a: 1 } }, 'ts', /valid/],
    ['a missing time', { values: { a: 1 } }, 'ts', /ISO 8601/],
    ['no values', { ts: 1772352000000, values: {} }, 'values', /at least one/],
    ['values that are not an object', { ts: 1772352000000, values: [1, 2] }, 'values', /object/],
    ['an object as value', { ts: 1772352000000, values: { a: { b: 1 } } }, 'values.a', /number, true\/false or a text/],
    ['null as value', { ts: 1772352000000, values: { a: null } }, 'values.a', /number, true\/false or a text/],
    ['a bad point name', { ts: 1772352000000, values: { 'a b': 1 } }, 'values.a b', /names/],
    ['an unknown field', { ts: 1772352000000, values: { a: 1 }, extra: 1 }, '', /extra/],
    ['an empty array', [], '', /at least one message/],
    ['a number', 42, '', /object/],
  ])('rejects %s, naming the field', (_, payload, path, message) => {
    const errors = errorsOf(payload);
    expect(errors.length).toBeGreaterThan(0);
    const hit = errors.find((e) => e.path === path);
    expect(hit, JSON.stringify(errors)).toBeDefined();
    expect(hit!.message).toMatch(message);
  });

  it('names the position of a bad message inside an array', () => {
    const errors = errorsOf([{ ts: 1772352000000, values: { a: 1 } }, { ts: 1772352000000, values: { a: 'x'.repeat(1001) } }]);
    expect(errors).toEqual([{ path: '1.values.a', message: expect.stringMatching(/1000 characters/) }]);
  });

  it('rejects times beyond the given limit, naming the message', () => {
    const limit = Date.UTC(2026, 2, 2);
    expect(parseTelemetry({ ts: limit, values: { a: 1 } }, { notAfter: limit }).ok).toBe(true);
    expect(parseTelemetry([{ ts: limit, values: { a: 1 } }, { ts: limit + 1, values: { a: 1 } }], { notAfter: limit })).toEqual({
      ok: false,
      errors: [{ path: '1.ts', message: expect.stringMatching(/future/) }],
    });
  });

  it('reports invalid JSON text', () => {
    const r = parseTelemetryText('{"ts": 1,');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ path: '', message: expect.stringMatching(/not valid JSON/) });
    expect(parseTelemetryText(Buffer.from('{"ts":1772352000000,"values":{"a":1}}'))).toEqual({ ok: true, samples: [{ point: 'a', ts: 1772352000000, value: 1 }] });
  });

  it('round-trips any valid message list (property)', () => {
    const point = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.:/-]{0,20}$/);
    const value = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.string({ maxLength: 50 }));
    const message = fc.record({
      ts: fc.integer({ min: MIN_TS, max: MAX_TS - 1 }),
      values: fc.dictionary(point, value, { minKeys: 1, maxKeys: 5 }),
      iso: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(message, { minLength: 1, maxLength: 10 }), (messages) => {
        const payload = messages.map((m) => ({ ts: m.iso ? new Date(m.ts).toISOString() : m.ts, values: m.values }));
        const r = parseTelemetry(payload);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        // Independent expectation: one sample per distinct (point, ts), first occurrence wins.
        const expected = new Map<string, unknown>();
        for (const m of messages) for (const [p, v] of Object.entries(m.values)) if (!expected.has(`${p}@${m.ts}`)) expected.set(`${p}@${m.ts}`, v);
        expect(r.samples.length).toBe(expected.size);
        for (const s of r.samples) expect(expected.get(`${s.point}@${s.ts}`)).toEqual(s.value);
      }),
    );
  });

  describe('fast path for the common shape', () => {
    // Near the edges of what the schema accepts, so that most cases are almost but not quite valid.
    const pointName = fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.:/-]{0,8}$/),
      fc.constantFrom('p0', '0', '10', 'constructor', 'toString', '__proto__', '', 'a b', '-a', 'x'.repeat(100), 'x'.repeat(101), 'ä', 'NULL'),
    );
    const value = fc.oneof(
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.string({ maxLength: 5 }),
      fc.constantFrom(-0, NaN, Infinity, -Infinity, null, undefined, 'x'.repeat(MAX_STRING_LENGTH), 'x'.repeat(MAX_STRING_LENGTH + 1), [], {}, [1], { a: 1 }),
    );
    const values = fc.oneof(
      { weight: 5, arbitrary: fc.dictionary(pointName, value, { maxKeys: 4 }) },
      fc.constantFrom(null, [], 'x', 1, Object.create(null), Object.assign(Object.create(null), { a: 1 }), Object.create({ a: 1 }), new Date(0)),
    );
    const ts = fc.oneof(
      fc.integer({ min: MIN_TS - 5, max: MAX_TS + 5 }),
      fc.integer({ min: MIN_TS, max: MAX_TS - 1 }).map((t) => new Date(t).toISOString()),
      fc.integer({ min: MIN_TS, max: MAX_TS - 1 }).map((t) => new Date(t).toISOString().replace('Z', '+01:00')),
      fc.constantFrom(MIN_TS - 1, MAX_TS, MAX_TS - 1, 1772352000, 1772352000000.5, -1, 0, NaN, Infinity, '2026-03-01T08:00:00', '2026-02-30T25:00:00Z', '2150-01-01T00:00:00Z', '1772352000000', null, true),
    );
    const message = fc.oneof(
      { weight: 6, arbitrary: fc.record({ ts, values }) },
      fc.record({ ts, values }, { requiredKeys: [] }),
      fc.record({ ts, values, extra: value }),
      fc.record({ ts, values }).map((m) => ({ values: m.values, ts: m.ts })),
      fc.constantFrom(null, 1, 'x', [], Object.create(null)),
    );
    const payload = fc.oneof(message, fc.array(message, { maxLength: 4 }));
    const notAfter = fc.option(fc.integer({ min: MIN_TS, max: MAX_TS }), { nil: undefined });

    it('gives exactly the result and the errors of the schema (property)', () => {
      fc.assert(
        fc.property(payload, notAfter, (p, limit) => {
          const options = limit === undefined ? {} : { notAfter: limit };
          expect(parseTelemetry(p, options)).toEqual(parseTelemetryWithSchema(p, options));
        }),
        { numRuns: 3000 },
      );
    });

    it('gives the schema\'s result for any JSON text (property)', () => {
      fc.assert(
        fc.property(payload, (p) => {
          const text = JSON.stringify(p) ?? 'null';
          expect(parseTelemetryText(text)).toEqual(parseTelemetryWithSchema(JSON.parse(text)));
        }),
        { numRuns: 1000 },
      );
    });

    it('leaves the message count limit to the schema', () => {
      const message = { ts: MIN_TS, values: { a: 1 } };
      for (const n of [MAX_MESSAGES, MAX_MESSAGES + 1]) {
        const many = Array.from({ length: n }, (_, i) => ({ ...message, ts: MIN_TS + i }));
        expect(parseTelemetry(many)).toEqual(parseTelemetryWithSchema(many));
      }
      expect(parseTelemetry(Array.from({ length: MAX_MESSAGES + 1 }, () => message)).ok).toBe(false);
    });
  });
});
