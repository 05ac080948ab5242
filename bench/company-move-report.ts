import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const BEGIN = '<!-- company-move:begin -->';
const END = '<!-- company-move:end -->';

function withSection(text: string, block: string): string {
  const a = text.indexOf(BEGIN);
  const b = text.indexOf(END);
  if (a >= 0 && b > a) return text.slice(0, a) + block + text.slice(b + END.length);
  return `${text.trimEnd()}\n\n${block}\n`;
}

/** Puts the company-move section between its markers in RESULTS.md (appended when not there yet). */
export function writeCompanyMoveSection(file: string, section: string) {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n';
  writeFileSync(file, withSection(text, `${BEGIN}\n${section.trim()}\n${END}`));
}

/** `report` with the company-move section of the RESULTS.md in `file` kept (for runs that do not measure it). */
export function keepCompanyMoveSection(report: string, file: string): string {
  if (!existsSync(file)) return report;
  const old = readFileSync(file, 'utf8');
  const a = old.indexOf(BEGIN);
  const b = old.indexOf(END);
  return a >= 0 && b > a ? withSection(report, old.slice(a, b + END.length)) : report;
}
