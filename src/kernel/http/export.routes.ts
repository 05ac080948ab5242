import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { writeAudit } from '../audit/audit-log.js';
import { exportCompanyToFile } from '../export/company-export.js';
import { type ImportProgress, importCompanyFromFile } from '../export/company-import.js';
import { ImportProblem } from '../export/import-problem.js';
import { addServerMessages } from '../i18n/server-messages.js';
import { APP_VERSION } from '../version.js';
import { companyParams } from './company.routes.js';
import { requireAccount, requirePermission, requireUser, tenantOf } from './guards.js';
import { ProblemError } from './problem.js';

const messages = (locale: string) => JSON.parse(readFileSync(new URL(`../export/server-i18n/${locale}.json`, import.meta.url), 'utf8'));
addServerMessages('de', messages('de'));
addServerMessages('en', messages('en'));

/** Largest export archive a person may upload (`WERKVERBUND_IMPORT_MAX_MB`, default 2048). */
export function importLimitBytes(env: NodeJS.ProcessEnv = process.env): number {
  const mb = Number(env.WERKVERBUND_IMPORT_MAX_MB ?? 2048);
  return (Number.isFinite(mb) && mb > 0 ? mb : 2048) * 1024 * 1024;
}

/** A directory of its own for one archive, removed afterwards. */
async function withTempFile<T>(name: string, work: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'werkverbund-'));
  try {
    return await work(path.join(dir, name));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function tooLarge(limit: number): ProblemError {
  const params = { max: Math.round(limit / 1024 / 1024) };
  return new ProblemError(413, 'import_too_large', params, params);
}

interface RunningImport extends Partial<Omit<ImportProgress, 'phase'>> {
  phase: ImportProgress['phase'] | 'uploading';
  bytesReceived: number;
  bytesTotal: number | null;
}

export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, registry, access, database } = app.wv;
  /** Imports under way, per person: only the person who started one sees its progress. */
  const running = new Map<string, RunningImport>();

  app.get('/companies/:companyId/export', {
    onRequest: requirePermission('export.download'),
    schema: { tags: ['export'], summary: 'All company data as a ZIP of JSON-lines files with a manifest', params: companyParams },
  }, async (request, reply) => {
    const t = tenantOf(request);
    // the archive is written to a temporary file first, so a slow download never holds the database
    const dir = await mkdtemp(path.join(tmpdir(), 'werkverbund-'));
    const file = path.join(dir, 'export.zip');
    try {
      const manifest = await exportCompanyToFile(db, registry, t.tenantId, APP_VERSION, file);
      await writeAudit(db, { tenantId: t.tenantId, actorId: t.userId, action: 'company.exported', details: { tables: manifest.tables.length } });
      const stream = createReadStream(file);
      stream.on('close', () => void rm(dir, { recursive: true, force: true }));
      const day = manifest.exportedAt.slice(0, 10);
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', `attachment; filename="werkverbund-export-${day}.zip"`)
        .send(stream);
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
  });

  // the archive arrives as the raw body and is streamed to a file, never held in memory
  app.addContentTypeParser(['application/zip', 'application/octet-stream', 'application/x-zip-compressed'], (_request, payload, done) => done(null, payload));

  app.post('/companies/import', {
    schema: {
      tags: ['companies'],
      summary: 'Create a new company from an export archive (request body: the ZIP, content type application/zip); the caller becomes its owner',
      querystring: z.object({ name: z.string().trim().min(1).max(200).optional() }),
    },
  }, async (request, reply) => {
    const user = requireAccount(request);
    const limit = importLimitBytes();
    const declared = Number(request.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
    const body = request.body as Readable | undefined;
    if (!body || typeof (body as Readable).pipe !== 'function') throw new ProblemError(400, 'import_not_zip');
    if (running.has(user.id)) {
      body.resume();
      throw new ProblemError(409, 'import_running');
    }
    const progress: RunningImport = { phase: 'uploading', bytesReceived: 0, bytesTotal: Number.isFinite(declared) ? declared : null };
    running.set(user.id, progress);
    try {
      const result = await withTempFile('import.zip', async (file) => {
        let received = 0;
        const counter = new Transform({
          transform(chunk: Buffer, _encoding, callback) {
            received += chunk.length;
            progress.bytesReceived = received;
            if (received > limit) callback(tooLarge(limit));
            else callback(null, chunk);
          },
        });
        await pipeline(body, counter, createWriteStream(file));
        return importCompanyFromFile(db, registry, file, {
          ownerId: user.id,
          name: request.query.name,
          hooksOutsideTransaction: database.kind === 'server',
          onProgress: (p) => Object.assign(progress, p),
        });
      });
      access.invalidateAccess();
      request.log.info({ tenantId: result.tenantId, rows: result.rows, newIds: result.newIds }, 'company imported');
      return reply.status(201).send({ id: result.tenantId, name: result.name, newIds: result.newIds, people: result.people, rows: result.rows });
    } catch (error) {
      if (error instanceof ImportProblem) {
        // the parameters also in the body, for the web app's own translation of the message
        throw new ProblemError(error.code === 'import_too_large' ? 413 : 400, error.code, error.params, { ...error.params, ...(error.detail ? { detail: error.detail } : {}) });
      }
      throw error;
    } finally {
      running.delete(user.id);
    }
  });

  app.get('/companies/import/progress', {
    schema: { tags: ['companies'], summary: 'Progress of the caller\'s own company import, if one is running' },
  }, async (request) => {
    const user = requireUser(request);
    const p = running.get(user.id);
    if (!p) return { running: false as const };
    return { running: true as const, phase: p.phase, table: p.table ?? null, rowsDone: p.rowsDone ?? 0, rowsTotal: p.rowsTotal ?? 0, bytesReceived: p.bytesReceived, bytesTotal: p.bytesTotal };
  });
};
