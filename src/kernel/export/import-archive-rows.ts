import type { ExportManifest, ManifestTable } from './company-export.js';
import { ImportProblem } from './import-problem.js';
import { ArchiveError, type ZipFileReader } from './zip-file-reader.js';

const MAX_LINE = 64 * 1024 * 1024;

/** The rows of a table file: JSON lines (format 2) or one JSON array (format 1). */
export async function* rows(archive: ZipFileReader, manifest: ExportManifest, entry: ManifestTable): AsyncGenerator<unknown> {
  if (manifest.formatVersion === 1) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await archive.text(entry.file, 1024 ** 3));
    } catch (error) {
      if (error instanceof ArchiveError) throw error;
      throw new ImportProblem('import_bad_row', { table: entry.name, row: 1 }, (error as Error).message);
    }
    if (!Array.isArray(parsed)) throw new ImportProblem('import_bad_row', { table: entry.name, row: 1 }, 'not an array');
    yield* parsed;
    return;
  }
  let line = 0;
  for await (const text of archive.lines(entry.file, MAX_LINE)) {
    line++;
    if (text.trim() === '') continue;
    try {
      yield JSON.parse(text);
    } catch (error) {
      if (error instanceof SyntaxError) throw new ImportProblem('import_bad_row', { table: entry.name, row: line }, error.message);
      throw error;
    }
  }
}

export async function collect(archive: ZipFileReader, manifest: ExportManifest, entry: ManifestTable, max: number): Promise<Array<Record<string, unknown>>> {
  const out: Array<Record<string, unknown>> = [];
  for await (const row of rows(archive, manifest, entry)) {
    if (!row || typeof row !== 'object' || Array.isArray(row)) throw new ImportProblem('import_bad_row', { table: entry.name, row: out.length + 1 });
    out.push(row as Record<string, unknown>);
    if (out.length > max) throw new ImportProblem('import_bad_row', { table: entry.name, row: out.length }, 'too many rows');
  }
  return out;
}
