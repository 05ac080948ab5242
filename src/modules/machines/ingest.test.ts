import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BatchWriter, UnstorableMessageError, isDataError, writerIndex } from './ingest.js';
import type { SampleBatchItem } from './sample-writer.js';

const item = (deviceId: string, n: number): SampleBatchItem => ({
  device: { tenantId: 't', deviceId, machineId: 'm' },
  samples: Array.from({ length: n }, (_, i) => ({ point: 'p', ts: 1_772_352_000_000 + i, value: i })),
  source: 'mqtt',
});

describe('BatchWriter', () => {
  it('writes what arrives together in one batch and answers in arrival order after the write', async () => {
    const batches: string[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const writer = new BatchWriter(async (items) => {
      batches.push(items.map((i) => i.device.deviceId));
      await gate;
      return items.length;
    });
    const answered: string[] = [];
    const all = ['a', 'b', 'c'].map((id) => writer.write(item(id, 2)).then(() => answered.push(id)));
    await new Promise((r) => setTimeout(r, 20));
    expect(batches).toEqual([['a', 'b', 'c']]);
    expect(answered).toEqual([]); // nothing is answered before the write has finished
    release();
    await Promise.all(all);
    expect(answered).toEqual(['a', 'b', 'c']);
  });

  it('rejects exactly the messages of a failed batch and goes on with the next', async () => {
    let call = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const writer = new BatchWriter(async (items) => {
      call++;
      if (call === 1) {
        await gate;
        throw new Error('commit failed');
      }
      return items.length;
    });
    const first = writer.write(item('a', 1));
    await new Promise((r) => setTimeout(r, 10));
    const second = writer.write(item('b', 1)); // arrives while the first batch is being written
    release();
    await expect(first).rejects.toThrow('commit failed');
    await expect(second).resolves.toBeUndefined();
    expect(call).toBe(2);
  });

  it('splits batches at the sample limit without splitting a message', async () => {
    const sizes: number[][] = [];
    const writer = new BatchWriter(async (items) => {
      sizes.push(items.map((i) => i.samples.length));
      return 0;
    }, 10);
    await Promise.all([writer.write(item('a', 6)), writer.write(item('b', 4)), writer.write(item('c', 1)), writer.write(item('d', 25))]);
    expect(sizes).toEqual([[6, 4], [1], [25]]);
  });

  const dataError = () => Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' });

  it('isolates a message the database refuses by halving its batch, and stores all the others', async () => {
    const attempts: string[][] = [];
    const stored: string[] = [];
    const writer = new BatchWriter(async (items) => {
      const ids = items.map((i) => i.device.deviceId);
      attempts.push(ids);
      if (ids.includes('bad')) throw dataError();
      stored.push(...ids);
      return items.length;
    });
    const ids = ['a', 'b', 'c', 'bad', 'd', 'e', 'f'];
    const outcomes = await Promise.allSettled(ids.map((id) => writer.write(item(id, 1))));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect((outcomes[3] as PromiseRejectedResult).reason).toBeInstanceOf(UnstorableMessageError);
    expect(stored.sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    // 7 → 4 (bad) + 3; 4 → 2 + 2 (bad); 2 → 1 + 1 (bad): 7 attempts, not one per message and round
    expect(attempts).toEqual([ids, ['a', 'b', 'c', 'bad'], ['a', 'b'], ['c', 'bad'], ['c'], ['bad'], ['d', 'e', 'f']]);
  });

  it('does not retry a batch that failed for another reason than its data', async () => {
    let calls = 0;
    const writer = new BatchWriter(async () => {
      calls++;
      throw Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    });
    const outcomes = await Promise.allSettled(['a', 'b', 'c'].map((id) => writer.write(item(id, 1))));
    expect(outcomes.every((o) => o.status === 'rejected' && !(o.reason instanceof UnstorableMessageError))).toBe(true);
    expect(calls).toBe(1);
  });

  it('waits lingerMs for more messages before writing a batch', async () => {
    const batches: number[] = [];
    const writer = new BatchWriter(
      async (items) => {
        batches.push(items.length);
        return 0;
      },
      { lingerMs: 30 },
    );
    const first = writer.write(item('a', 1));
    await new Promise((r) => setTimeout(r, 5));
    const second = writer.write(item('b', 1));
    await Promise.all([first, second]);
    expect(batches).toEqual([2]);
  });

  it('tells data errors (SQLSTATE classes 22 and 23) from all others', () => {
    expect(isDataError(dataError())).toBe(true);
    expect(isDataError({ code: '23505' })).toBe(true);
    expect(isDataError({ code: '40P01' })).toBe(false);
    expect(isDataError(new Error('socket hang up'))).toBe(false);
    expect(isDataError(undefined)).toBe(false);
  });

  it('answers every message exactly once: the refused ones rejected, all others stored once and resolved (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.boolean(), { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 40 }), async (bad, maxSamples) => {
        const stored: string[] = [];
        let attempts = 0;
        const writer = new BatchWriter(
          async (items) => {
            attempts++;
            if (items.some((i) => i.device.deviceId.startsWith('bad'))) throw dataError();
            stored.push(...items.map((i) => i.device.deviceId));
            return items.length;
          },
          { maxSamples },
        );
        const ids = bad.map((b, i) => `${b ? 'bad' : 'ok'}-${i}`);
        const outcomes = await Promise.allSettled(ids.map((id) => writer.write(item(id, 1))));
        outcomes.forEach((o, i) => {
          if (bad[i]) expect(o.status === 'rejected' && o.reason instanceof UnstorableMessageError).toBe(true);
          else expect(o.status).toBe('fulfilled');
        });
        expect([...stored].sort()).toEqual(ids.filter((_, i) => !bad[i]).sort());
        // each batch of n messages costs at most 2n - 1 attempts when split down to single messages
        expect(attempts).toBeLessThanOrEqual(2 * ids.length);
      }),
    );
  });
});

describe('writer of a machine', () => {
  it('is always the same one of the writers for the same machine', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.integer({ min: 1, max: 16 }), (machineId, writers) => {
        const index = writerIndex(machineId, writers);
        expect(Number.isInteger(index) && index >= 0 && index < writers).toBe(true);
        expect(writerIndex(machineId, writers)).toBe(index);
      }),
    );
  });

  it('spreads machines over the writers', () => {
    const used = new Set(Array.from({ length: 64 }, (_, i) => writerIndex(`00000000-0000-7000-8000-${String(i).padStart(12, '0')}`, 4)));
    expect(used.size).toBe(4);
  });
});
