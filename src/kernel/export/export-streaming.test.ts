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
    // Known gap: on the embedded database one batch query of the export still blocks the event loop
    // for up to ~3 s with 100,000 samples (measured 2026-12-07: export 163 s, /api/health at most
    // 3.2 s; import 35 s, at most 0.5 s); bounded here so that it cannot get worse than before (11.8 s).
    expect(figures.export.healthMaxMs).toBeLessThan(kind === 'embedded' ? 8000 : 1000);
  }, 540_000);
});
