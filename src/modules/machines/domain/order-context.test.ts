import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type OperationPhase, clip, contextAt, contextTimeline } from './order-context.js';

const t = (iso: string) => Date.parse(iso);
const phase = (operationId: string, p: OperationPhase['phase'], start: string, end: string | null, orderId = `order-${operationId}`): OperationPhase => ({
  operationId,
  orderId,
  phase: p,
  start: t(start),
  end: end === null ? null : t(end),
});

describe('contextTimeline', () => {
  it('attributes setup and production, not pauses, across midnight', () => {
    const timeline = contextTimeline([
      phase('a', 'setup', '2026-03-02T22:00:00Z', '2026-03-02T22:30:00Z'),
      phase('a', 'running', '2026-03-02T22:30:00Z', '2026-03-02T23:50:00Z'),
      phase('a', 'paused', '2026-03-02T23:50:00Z', '2026-03-03T00:10:00Z'),
      phase('a', 'running', '2026-03-03T00:10:00Z', '2026-03-03T02:00:00Z'),
    ], t('2026-03-04T00:00:00Z'));
    expect(timeline.map((s) => [s.phase, new Date(s.start).toISOString(), new Date(s.end).toISOString()])).toEqual([
      ['setup', '2026-03-02T22:00:00.000Z', '2026-03-02T22:30:00.000Z'],
      ['running', '2026-03-02T22:30:00.000Z', '2026-03-02T23:50:00.000Z'],
      ['running', '2026-03-03T00:10:00.000Z', '2026-03-03T02:00:00.000Z'],
    ]);
    expect(contextAt(timeline, t('2026-03-03T00:00:00Z'))).toBeUndefined();
    expect(contextAt(timeline, t('2026-03-03T00:05:00Z'))).toBeUndefined();
  });

  it('uses half-open intervals: the start belongs to a segment, the end does not', () => {
    const timeline = contextTimeline([
      phase('a', 'running', '2026-03-02T08:00:00Z', '2026-03-02T09:00:00Z'),
      phase('b', 'running', '2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z'),
    ], t('2026-03-03T00:00:00Z'));
    expect(contextAt(timeline, t('2026-03-02T07:59:59.999Z'))).toBeUndefined();
    expect(contextAt(timeline, t('2026-03-02T08:00:00Z'))?.operationId).toBe('a');
    expect(contextAt(timeline, t('2026-03-02T08:59:59.999Z'))?.operationId).toBe('a');
    expect(contextAt(timeline, t('2026-03-02T09:00:00Z'))?.operationId).toBe('b');
    expect(contextAt(timeline, t('2026-03-02T10:00:00Z'))).toBeUndefined();
  });

  it('gives overlapping time to the operation started last, and back to the older one while the newer is paused', () => {
    const timeline = contextTimeline([
      phase('a', 'running', '2026-03-02T08:00:00Z', '2026-03-02T12:00:00Z'),
      phase('b', 'running', '2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z'),
      phase('b', 'paused', '2026-03-02T10:00:00Z', '2026-03-02T10:30:00Z'),
      phase('b', 'running', '2026-03-02T10:30:00Z', '2026-03-02T11:00:00Z'),
    ], t('2026-03-03T00:00:00Z'));
    expect(timeline.map((s) => `${s.operationId} ${new Date(s.start).toISOString().slice(11, 16)}–${new Date(s.end).toISOString().slice(11, 16)}`)).toEqual([
      'a 08:00–09:00',
      'b 09:00–10:00',
      'a 10:00–10:30',
      'b 10:30–11:00',
      'a 11:00–12:00',
    ]);
  });

  it('lets an open phase last until now and breaks ties by operation id', () => {
    const now = t('2026-03-02T12:00:00Z');
    const timeline = contextTimeline([phase('a', 'running', '2026-03-02T10:00:00Z', null), phase('b', 'setup', '2026-03-02T10:00:00Z', '2026-03-02T11:00:00Z')], now);
    expect(timeline.map((s) => [s.operationId, s.phase, s.end - s.start])).toEqual([['b', 'setup', 3_600_000], ['a', 'running', 3_600_000]]);
    expect(clip(timeline, t('2026-03-02T10:30:00Z'), t('2026-03-02T11:30:00Z')).map((s) => s.end - s.start)).toEqual([1_800_000, 1_800_000]);
  });

  const phases = fc.array(
    fc.record({
      operationId: fc.constantFrom('a', 'b', 'c', 'd'),
      orderId: fc.constant('o'),
      phase: fc.constantFrom('setup' as const, 'running' as const, 'paused' as const),
      start: fc.integer({ min: 0, max: 1000 }),
      length: fc.integer({ min: 0, max: 300 }),
      open: fc.boolean(),
    }).map(({ length, open, ...p }): OperationPhase => ({ ...p, end: open ? null : p.start + length })),
    { maxLength: 12 },
  );

  it('is disjoint, sorted, and agrees at every instant with "latest counting phase wins" (property)', () => {
    fc.assert(fc.property(phases, fc.integer({ min: 0, max: 1400 }), (ps, now) => {
      const timeline = contextTimeline(ps, now);
      for (let i = 1; i < timeline.length; i++) expect(timeline[i].start).toBeGreaterThanOrEqual(timeline[i - 1].end);
      for (const s of timeline) expect(s.end).toBeGreaterThan(s.start);
      // every instant where the answer can change, and its neighbours
      const instants = [-1, now, ...ps.flatMap((p) => [p.start, p.end ?? now])].flatMap((x) => [x - 1, x, x + 1]);
      for (const x of instants) {
        const covering = ps
          .filter((p) => p.phase !== 'paused')
          .map((p) => ({ ...p, end: p.end ?? Math.max(now, p.start) }))
          .filter((p) => p.start <= x && x < p.end)
          .sort((p, q) => q.start - p.start || (q.operationId > p.operationId ? 1 : q.operationId < p.operationId ? -1 : 0));
        const got = contextAt(timeline, x);
        expect(got ? [got.operationId, got.phase] : null).toEqual(covering[0] ? [covering[0].operationId, covering[0].phase] : null);
      }
    }));
  });
});
