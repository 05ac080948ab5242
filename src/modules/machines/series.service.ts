import type { Db } from '../../kernel/db/database.js';
import { notFound } from '../../kernel/http/problem.js';
import { type AggregateBucket, countRaw, rawDeletedBefore, readAggregates } from './aggregates.store.js';
import { pointRetentions } from './sample-retention.store.js';
import type { SeriesQuery } from './analytics.schemas.js';
import { type RequestedResolution, type Resolution, TARGET_POINTS, chooseResolution } from './domain/resolution.js';
import { type Retention, effectiveRetention, keptFrom } from './domain/retention.js';
import * as store from './machines.store.js';
import * as pointStore from './points.store.js';
import * as seriesStore from './sample-series.store.js';

const DAY_MS = 86_400_000;

export interface SeriesAnswer {
  machineId: string;
  point: string;
  unit: string;
  type: string | null;
  from: string;
  to: string;
  requestedResolution: RequestedResolution;
  resolution: Resolution;
  /** The requested resolution's data of the range is gone; a coarser one is shown. */
  fellBack: boolean;
  /** Raw samples before this instant have been deleted (null: none yet). */
  rawKeptFrom: string | null;
  truncated: boolean;
  /** Raw samples (resolution raw), else empty. */
  samples: seriesStore.SeriesSample[];
  /** Aggregates (resolution 1m or 1h) with min and max for a band, else empty. */
  buckets: AggregateBucket[];
}

export function seriesRange(query: { from?: string; to?: string }, now: number): { from: Date; to: Date } {
  const to = query.to ? new Date(query.to) : new Date(now);
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - DAY_MS);
  return { from, to };
}

/** Samples or aggregates of a machine's data point, at the resolution chosen by domain/resolution.ts. */
export async function readSeries(db: Db, tenantId: string, machineId: string, query: SeriesQuery, defaults: Retention, now = Date.now()): Promise<SeriesAnswer> {
  const machine = await store.findMachine(db, tenantId, machineId);
  if (!machine) throw notFound('machine');
  const { from, to } = seriesRange(query, now);
  const points = await pointStore.listPoints(db, tenantId, machineId);
  const point = points.find((p) => p.name === query.point);
  const [setting] = point ? await pointRetentions(db, { tenantId, machineId, pointId: point.id }) : [];
  const retention = effectiveRetention(setting ?? { rawDays: null, minuteDays: null, hourDays: null }, defaults);
  const facts = {
    from: from.getTime(),
    to: to.getTime(),
    // exactly what retention has deleted: raw samples past their retention stay until the hourly job
    rawKeptFrom: await rawDeletedBefore(db, tenantId, point?.id),
    minuteKeptFrom: keptFrom(now, retention.minuteDays),
    rawCount: query.resolution === 'auto' ? await countRaw(db, tenantId, machineId, query.point, from, to, TARGET_POINTS + 1) : undefined,
  };
  const choice = chooseResolution(query.resolution, facts);
  const answer = {
    machineId,
    point: query.point,
    unit: point?.unit ?? '',
    type: point?.type ?? null,
    from: from.toISOString(),
    to: to.toISOString(),
    requestedResolution: query.resolution,
    resolution: choice.resolution,
    fellBack: choice.fellBack,
    rawKeptFrom: Number.isFinite(facts.rawKeptFrom) ? new Date(facts.rawKeptFrom).toISOString() : null,
  };
  if (choice.resolution === 'raw') {
    const samples = await seriesStore.readSeries(db, tenantId, machineId, query.point, from, to, query.limit);
    return { ...answer, truncated: samples.length === query.limit, samples, buckets: [] };
  }
  const buckets = await readAggregates(db, tenantId, machineId, query.point, choice.resolution, from, to);
  return { ...answer, truncated: false, samples: [], buckets };
}
