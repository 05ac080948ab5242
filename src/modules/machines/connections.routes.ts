import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { companyParams } from '../../kernel/http/company.routes.js';
import { requirePermission, tenantOf } from '../../kernel/http/guards.js';
import { browseQuery, connectionBody, connectionParams, opcuaItemsBody } from './connections.schemas.js';
import * as service from './connections.service.js';
import type { MachinesContext } from './machines.service.js';
import { pkiFolder } from './sources/opcua-client.js';

/** External MQTT brokers and OPC UA servers of a company. */
export const connectionsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app.wv;
  const ctx = (request: FastifyRequest): MachinesContext => ({ db, tenant: tenantOf(request), config });
  const base = '/companies/:companyId/machine-connections';
  const tags = ['machines'];
  const read = { onRequest: requirePermission('machines.read') };
  const manage = { onRequest: requirePermission('machines.manage') };

  app.get(base, { ...read, schema: { tags, summary: 'MQTT broker and OPC UA connections with their status (never passwords)', params: companyParams } }, async (request) =>
    service.listConnections(ctx(request)),
  );

  app.post(base, { ...manage, schema: { tags, summary: 'Create a connection; the runtime starts it at once', params: companyParams, body: connectionBody } }, async (request, reply) =>
    reply.status(201).send(await service.createConnection(ctx(request), request.body)),
  );

  app.get(`${base}/:connectionId`, { ...read, schema: { tags, summary: 'One connection with its status', params: connectionParams } }, async (request) =>
    service.getConnection(ctx(request), request.params.connectionId),
  );

  app.put(`${base}/:connectionId`, {
    ...manage,
    schema: { tags, summary: 'Change a connection (password omitted or null: unchanged); it is restarted', params: connectionParams, body: connectionBody },
  }, async (request) => service.updateConnection(ctx(request), request.params.connectionId, request.body));

  app.delete(`${base}/:connectionId`, { ...manage, schema: { tags, summary: 'Delete a connection (its samples stay)', params: connectionParams } }, async (request, reply) => {
    await service.deleteConnection(ctx(request), request.params.connectionId);
    return reply.status(204).send();
  });

  app.get(`${base}/:connectionId/opcua-items`, { ...read, schema: { tags, summary: 'OPC UA variables picked for a connection', params: connectionParams } }, async (request) =>
    service.listOpcuaItems(ctx(request), request.params.connectionId),
  );

  app.put(`${base}/:connectionId/opcua-items`, {
    ...manage,
    schema: { tags, summary: 'Replace the picked OPC UA variables (node, machine, data point, sampling interval)', params: connectionParams, body: opcuaItemsBody },
  }, async (request) => service.replaceOpcuaItems(ctx(request), request.params.connectionId, request.body.items));

  app.get(`${base}/:connectionId/opcua-browse`, {
    ...manage,
    schema: { tags, summary: 'Children of a node of the OPC UA server (default: the Objects folder)', params: connectionParams, querystring: browseQuery },
  }, async (request) => service.browse(ctx(request), request.params.connectionId, request.query.nodeId, pkiFolder(config.dataDir)));
};
