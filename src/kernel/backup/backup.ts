import type { Config } from '../config.js';
import { backupEmbedded, restoreEmbedded } from './embedded-backup.js';
import { backupServer, restoreServer } from './server-backup.js';

/**
 * `werkverbund backup` / `restore`: the embedded database (`WERKVERBUND_DATA`) as PGlite's data
 * directory dump (server stopped), the server database (`DATABASE_URL`) with `pg_dump` /
 * `pg_restore` in custom format (backup while running; restore with Werkverbund stopped).
 */
export async function backupDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>, output: string, env: NodeJS.ProcessEnv = process.env) {
  if (config.databaseUrl) return { kind: 'server' as const, ...(await backupServer(config.databaseUrl, output, env)) };
  return { kind: 'embedded' as const, ...(await backupEmbedded(config.dataDir, output)) };
}

export async function restoreDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>, input: string, options: { force: boolean }, env: NodeJS.ProcessEnv = process.env) {
  if (config.databaseUrl) return { kind: 'server' as const, movedAside: null, ...(await restoreServer(config.databaseUrl, input, options, env)) };
  return { kind: 'embedded' as const, replaced: false, ...(await restoreEmbedded(config.dataDir, input, options)) };
}

/** `werkverbund-backup-2026-12-07T01-30-00Z.tar.gz` (embedded) or `….dump` (server). */
export const defaultBackupName = (server: boolean, now = new Date()) =>
  `werkverbund-backup-${now.toISOString().slice(0, 19).replace(/:/g, '-')}Z.${server ? 'dump' : 'tar.gz'}`;
