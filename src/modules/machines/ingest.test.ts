import { describe, expect, it } from 'vitest';
import { BatchWriter } from './ingest.js';
import type { SampleBatchItem } from './machines.store.js';

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
});
