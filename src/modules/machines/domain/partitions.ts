export const DAY_MS = 86_400_000;

/** Schema holding the daily partitions of `machine_samples` (kept apart from the tenant tables). */
export const PARTITION_SCHEMA = 'machine_sample_days';

/** `dYYYYMMDD` of the UTC day that contains `ts`. */
export function partitionOf(ts: number): string {
  const d = new Date(Math.floor(ts / DAY_MS) * DAY_MS);
  return `d${d.toISOString().slice(0, 10).replace(/-/g, '')}`;
}

/** Start (inclusive) and end (exclusive) of a partition's day, epoch ms; undefined for other names. */
export function boundsOf(name: string): { from: number; to: number } | undefined {
  const m = /^d(\d{4})(\d{2})(\d{2})$/.exec(name);
  if (!m) return undefined;
  const from = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (partitionOf(from) !== name) return undefined;
  return { from, to: from + DAY_MS };
}

/** Partitions whose whole day lies more than `retentionDays` before `now`. */
export function partitionsToDrop(names: readonly string[], now: number, retentionDays: number): string[] {
  const cutoff = now - retentionDays * DAY_MS;
  return names.filter((n) => {
    const b = boundsOf(n);
    return b !== undefined && b.to <= cutoff;
  });
}
