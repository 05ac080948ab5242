import { existsSync, readFileSync } from 'node:fs';

export const SHOPFLOOR_BEGIN = '<!-- shopfloor:begin -->';
export const SHOPFLOOR_END = '<!-- shopfloor:end -->';

/** Puts the section between its markers in RESULTS.md (appended when not there yet). */
export function withShopfloorSection(text: string, block: string): string {
  const a = text.indexOf(SHOPFLOOR_BEGIN);
  const b = text.indexOf(SHOPFLOOR_END);
  if (a >= 0 && b > a) return text.slice(0, a) + block + text.slice(b + SHOPFLOOR_END.length);
  return `${text.trimEnd()}\n\n${block}\n`;
}

/** `report` with the shop-floor section of the RESULTS.md in `file` kept (for runs that do not measure it). */
export function keepShopfloorSection(report: string, file: string): string {
  if (!existsSync(file)) return report;
  const old = readFileSync(file, 'utf8');
  const a = old.indexOf(SHOPFLOOR_BEGIN);
  const b = old.indexOf(SHOPFLOOR_END);
  return a >= 0 && b > a ? withShopfloorSection(report, old.slice(a, b + SHOPFLOOR_END.length)) : report;
}
