import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../instance.js';
import { measureMove } from '../testing/company-move-measure.js';
import { startTestInstance } from '../testing/test-instance.js';
import { testDatabaseKinds } from '../testing/test-database.js';

/**
 * Export and import stream: with 100,000 machine samples the server's memory grows by far less
 * than the data (before: the whole export as objects and the ZIP in memory, 480 MB for 400,000
 * samples) and /api/health answers within a fraction of a second throughout (before: 11.8 s).
 */
describe.each(testDatabaseKinds())('streaming company export and import on the %s database', (kind) => {
  let instance: Instance;
  let baseUrl: string;

  beforeAll(async () => {
    instance = await startTestInstance(kind);
    baseUrl = await instance.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => instance?.close());

  it('keeps memory bounded and the event loop free', async () => {
    const figures = await measureMove(instance, baseUrl, 100_000);
    console.log(JSON.stringify(figures));
    expect(figures.archiveBytes).toBeGreaterThan(100_000);
    for (const phase of [figures.export, figures.import]) {
      expect(phase.healthCount).toBeGreaterThan(3);
      expect(phase.heapGrowthMb).toBeLessThan(120);
    }
    expect(figures.import.healthMaxMs).toBeLessThan(1000);
    // The embedded database answers in this thread: one page of 1,000 rows blocks for tens of ms,
    // the catalogue queries at the start for some hundred (measured 2026-12-07 under heavy shared load:
    // at most 0.9 s; before the page query used the index: 3.2 s, and 11.8 s before streaming).
    expect(figures.export.healthMaxMs).toBeLessThan(kind === 'embedded' ? 2500 : 1000);
  }, 540_000);
});
