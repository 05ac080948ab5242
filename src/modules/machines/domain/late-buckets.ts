/** Late buckets split into whole buckets (those with at least `from` late keys) and the keys of the rest. */
export function splitLate<K extends { b: string }>(late: K[], from: number): { wholeBuckets: string[]; keys: K[] } {
  const count = new Map<string, number>();
  for (const k of late) count.set(k.b, (count.get(k.b) ?? 0) + 1);
  const wholeBuckets = [...count].filter(([, n]) => n >= from).map(([b]) => b);
  const whole = new Set(wholeBuckets);
  return { wholeBuckets, keys: late.filter((k) => !whole.has(k.b)) };
}
