import { strFromU8 } from 'fflate';

/** The rows of one table file of an unzipped company export (JSON lines, format version 2). */
export function exportedRows(files: Record<string, Uint8Array>, fileOrTable: string): Array<Record<string, unknown>> {
  const file = fileOrTable.includes('/') ? fileOrTable : `tables/${fileOrTable}.jsonl`;
  const content = files[file];
  if (!content) throw new Error(`no ${file} in the export`);
  return strFromU8(content).split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as Record<string, unknown>);
}
