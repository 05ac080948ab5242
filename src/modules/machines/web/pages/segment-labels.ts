/** Roughly how wide an order label of fontSize 11 is: pixels per character plus padding. */
const labelWidth = (text: string) => text.length * 6.5 + 8;

/**
 * Which order segments are wide enough on screen to carry their label; narrower ones show only
 * their shading (the tooltip and the order list name them), so labels never pile into a strip.
 */
export function labelledSegments(segments: Array<{ start: string; end: string; label: string }>, range: { from: number; to: number }, plotWidth: number): boolean[] {
  const span = range.to - range.from;
  if (!(span > 0) || !(plotWidth > 0)) return segments.map(() => false);
  let lastEnd = -Infinity;
  return segments.map((s) => {
    const start = Math.max(Date.parse(s.start), range.from);
    const end = Math.min(Date.parse(s.end), range.to);
    const left = ((start - range.from) / span) * plotWidth;
    const width = ((end - start) / span) * plotWidth;
    const fits = width >= labelWidth(s.label) && left >= lastEnd;
    if (fits) lastEnd = left + labelWidth(s.label);
    return fits;
  });
}
