import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { companyParams } from '../../kernel/http/company.routes.js';
import { requirePermission, tenantOf } from '../../kernel/http/guards.js';
import type { CustomersContext } from './customers.service.js';
import { MAX_IMPORT_FILE_BYTES, importMappingBody, importParams, importRunBody, importUploadBody } from './imports.schemas.js';
import * as imports from './imports.service.js';

/** Office imports from CSV/XLSX: upload with preview → mapping → dry run → run. */
export const importsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.wv;
  const ctx = (request: FastifyRequest): CustomersContext => ({ db, tenant: tenantOf(request) });
  const base = '/companies/:companyId';
  const tags = ['customers'];
  const permission = requirePermission('customers.import');

  app.get(`${base}/imports`, {
    onRequest: permission,
    schema: { tags, summary: 'The latest imports with their state and counts', params: companyParams },
  }, async (request) => imports.listImports(ctx(request)));

  app.post(`${base}/imports`, {
    onRequest: permission,
    bodyLimit: Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4 + 4096,
    schema: { tags, summary: 'Upload a CSV or XLSX file (base64) of customers or contacts: header, the first 20 rows, a suggested column mapping, earlier imports of the same file', params: companyParams, body: importUploadBody },
  }, async (request, reply) => reply.status(201).send(await imports.upload(ctx(request), request.body)));

  app.get(`${base}/imports/:importId`, {
    onRequest: permission,
    schema: { tags, summary: 'An import: mapping, state, counts, problems per line, progress while it runs', params: importParams },
  }, async (request) => imports.getImport(ctx(request), request.params.importId));

  app.get(`${base}/imports/:importId/preview`, {
    onRequest: permission,
    schema: { tags, summary: 'The first 20 rows of the file (until it was imported)', params: importParams },
  }, async (request) => imports.preview(ctx(request), request.params.importId));

  app.put(`${base}/imports/:importId/mapping`, {
    onRequest: permission,
    schema: { tags, summary: 'Which column fills which field (null: ignored)', params: importParams, body: importMappingBody },
  }, async (request) => imports.setMapping(ctx(request), request.params.importId, request.body.mapping));

  app.post(`${base}/imports/:importId/dry-run`, {
    onRequest: permission,
    schema: { tags, summary: 'Check every row as the import would and save nothing: every bad row with its line number and problems', params: importParams },
  }, async (request) => imports.dryRun(ctx(request), request.params.importId));

  app.post(`${base}/imports/:importId/run`, {
    onRequest: permission,
    schema: { tags, summary: 'Import in one transaction: all or nothing (409 naming every bad row, nothing saved) or, explicitly, only the good rows', params: importParams, body: importRunBody },
  }, async (request) => imports.runImport(ctx(request), request.params.importId, request.body.mode));
};
