/** Quarters as consecutive integers (year × 4 + quarter − 1), written as "2026-Q3". */
export type QuarterIndex = number;

const PATTERN = /^(\d{4})-Q([1-4])$/;

export function parseQuarter(text: string): QuarterIndex {
  const m = PATTERN.exec(text);
  if (!m) throw new Error(`"${text}" is not a quarter like 2026-Q3`);
  return Number(m[1]) * 4 + Number(m[2]) - 1;
}

export function formatQuarter(index: QuarterIndex): string {
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** First day of the quarter as an ISO date. */
export function quarterStart(index: QuarterIndex): string {
  const month = (index % 4) * 3 + 1;
  return `${Math.floor(index / 4)}-${String(month).padStart(2, '0')}-01`;
}
