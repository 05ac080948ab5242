import { strToU8, zipSync } from 'fflate';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION } from '../export/company-export.js';

/**
 * The smallest archive the import takes: a manifest, the company and one person, no module data.
 * `formatVersion` other than the current one gives an archive of another version.
 */
export function smallExportArchive(options: { companyId?: string; name?: string; formatVersion?: number } = {}): Buffer {
  const companyId = options.companyId ?? '01900000-0000-7000-8000-00000000c0de';
  const personId = '01900000-0000-7000-8000-0000000be7e5';
  const line = (row: object) => `${JSON.stringify(row)}\n`;
  const manifest = {
    format: EXPORT_FORMAT,
    formatVersion: options.formatVersion ?? EXPORT_FORMAT_VERSION,
    encoding: 'json-lines',
    application: { name: 'Werkverbund', version: 'test' },
    exportedAt: '2026-12-07T00:00:00.000Z',
    company: { id: companyId, name: options.name ?? 'Umzug GmbH' },
    modules: ['platform'],
    tables: [
      { name: 'tenants', module: 'platform', file: 'tables/tenants.jsonl', rows: 1 },
      { name: 'users', module: 'platform', file: 'tables/users.jsonl', rows: 1 },
    ],
  };
  return Buffer.from(zipSync({
    'tables/tenants.jsonl': strToU8(line({ id: companyId, name: options.name ?? 'Umzug GmbH', created_at: '2026-01-05T08:00:00.000000Z' })),
    'tables/users.jsonl': strToU8(line({ id: personId, name: 'Uta Umzug', email: null, locale: 'de', created_at: '2026-01-05T08:00:00.000000Z' })),
    'manifest.json': strToU8(JSON.stringify(manifest)),
  }));
}
