import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditView, historyQuery } from '../../kernel/audit/record-history.js';
import { z } from 'zod';
import { companyParams } from '../../kernel/http/company.routes.js';
import { requirePermission, requireUser, tenantOf } from '../../kernel/http/guards.js';
import { ProblemError, notFound } from '../../kernel/http/problem.js';
import { authenticateDevice, isDataError, moduleEnabled, parseIngest } from './ingest.js';
import * as service from './machines.service.js';
import { tenantsOfMachine } from './machines.store.js';
import { writeSamples } from './sample-writer.js';
import { connectionsRoutes } from './connections.routes.js';
import { notificationsRoutes } from './notifications.routes.js';
import { alarmParams, alarmQuery, bareMachineParams, deviceBody, deviceParams, machineBody, machineParams, pointBody, pointParams, ruleBody, ruleParams } from './schemas.js';
import { machineAnalyticsRoutes } from './analytics.routes.js';
import { seriesQuery } from './analytics.schemas.js';
import { retentionFromEnv } from './maintenance.js';
import { readSeries } from './series.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const machinesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, access, registry } = app.wv;
  const ctx = (request: FastifyRequest): service.MachinesContext => ({ db, tenant: tenantOf(request) });
  const base = '/companies/:companyId/machines';
  const tags = ['machines'];
  const read = { onRequest: requirePermission('machines.read') };
  const manage = { onRequest: requirePermission('machines.manage') };
  const acknowledge = { onRequest: requirePermission('machines.acknowledge') };
  const retention = retentionFromEnv(process.env);
  await app.register(machineAnalyticsRoutes);

  await app.register(connectionsRoutes);
  await app.register(notificationsRoutes);

  app.get('/companies/:companyId/machine-overview', {
    ...read,
    schema: { tags, summary: 'Every machine with the latest value of each data point and its open alarms', params: companyParams },
  }, async (request) => service.liveOverview(ctx(request)));

  app.get('/companies/:companyId/machine-alarms', {
    ...read,
    schema: { tags, summary: 'Alarms of all machines, newest first (open=true: not closed)', params: companyParams, querystring: alarmQuery },
  }, async (request) => service.listAlarms(ctx(request), request.query));

  app.get(base, { ...read, schema: { tags, summary: 'Machines of the company', params: companyParams } }, async (request) => service.listMachines(ctx(request)));

  app.post(base, { ...manage, schema: { tags, summary: 'Create a machine', params: companyParams, body: machineBody } }, async (request, reply) =>
    reply.status(201).send(await service.createMachine(ctx(request), request.body)),
  );

  app.get(`${base}/:machineId`, { ...read, schema: { tags, summary: 'A machine with its data points and devices', params: machineParams } }, async (request) =>
    service.getMachine(ctx(request), request.params.machineId),
  );

  app.get(`${base}/:machineId/history`, {
    ...read,
    schema: { tags, summary: 'Who changed the machine, its data points, device credentials and alarm rules, and when (newest first, as sentences); whoever may read machines sees it', params: machineParams, querystring: historyQuery },
  }, async (request) => {
    await service.getMachine(ctx(request), request.params.machineId);
    return auditView(db, registry, tenantOf(request).tenantId, request.query.lang ?? request.locale, { ...request.query, target: request.params.machineId });
  });

  app.put(`${base}/:machineId`, { ...manage, schema: { tags, summary: 'Change a machine', params: machineParams, body: machineBody } }, async (request) =>
    service.updateMachine(ctx(request), request.params.machineId, request.body),
  );

  app.delete(`${base}/:machineId`, { ...manage, schema: { tags, summary: 'Delete a machine with its data points, devices and samples', params: machineParams } }, async (request, reply) => {
    await service.deleteMachine(ctx(request), request.params.machineId);
    return reply.status(204).send();
  });

  app.get(`${base}/:machineId/points`, { ...read, schema: { tags, summary: 'Data points of a machine', params: machineParams } }, async (request) =>
    service.listPoints(ctx(request), request.params.machineId),
  );

  app.post(`${base}/:machineId/points`, { ...manage, schema: { tags, summary: 'Declare a data point', params: machineParams, body: pointBody } }, async (request, reply) =>
    reply.status(201).send(await service.createPoint(ctx(request), request.params.machineId, request.body)),
  );

  app.put(`${base}/:machineId/points/:pointId`, { ...manage, schema: { tags, summary: 'Change a data point', params: pointParams, body: pointBody } }, async (request) =>
    service.updatePoint(ctx(request), request.params.machineId, request.params.pointId, request.body),
  );

  app.delete(`${base}/:machineId/points/:pointId`, { ...manage, schema: { tags, summary: 'Delete a data point (its samples stay)', params: pointParams } }, async (request, reply) => {
    await service.deletePoint(ctx(request), request.params.machineId, request.params.pointId);
    return reply.status(204).send();
  });

  app.get(`${base}/:machineId/devices`, { ...read, schema: { tags, summary: 'Device credentials of a machine (without tokens)', params: machineParams } }, async (request) =>
    service.listDevices(ctx(request), request.params.machineId),
  );

  app.post(`${base}/:machineId/devices`, {
    ...manage,
    schema: { tags, summary: 'Create a device credential; the token is shown in this answer only', params: machineParams, body: deviceBody },
  }, async (request, reply) => reply.status(201).send(await service.createDevice(ctx(request), request.params.machineId, request.body)));

  app.delete(`${base}/:machineId/devices/:deviceId`, { ...manage, schema: { tags, summary: 'Revoke a device credential', params: deviceParams } }, async (request, reply) => {
    await service.revokeDevice(ctx(request), request.params.machineId, request.params.deviceId);
    return reply.status(204).send();
  });

  app.get(`${base}/:machineId/rules`, { ...read, schema: { tags, summary: 'Alarm rules of a machine', params: machineParams } }, async (request) =>
    service.listRules(ctx(request), request.params.machineId),
  );

  app.post(`${base}/:machineId/rules`, { ...manage, schema: { tags, summary: 'Create an alarm rule for a data point', params: machineParams, body: ruleBody } }, async (request, reply) =>
    reply.status(201).send(await service.createRule(ctx(request), request.params.machineId, request.body)),
  );

  app.put(`${base}/:machineId/rules/:ruleId`, { ...manage, schema: { tags, summary: 'Change an alarm rule (a changed definition starts evaluation afresh)', params: ruleParams, body: ruleBody } }, async (request) =>
    service.updateRule(ctx(request), request.params.machineId, request.params.ruleId, request.body),
  );

  app.delete(`${base}/:machineId/rules/:ruleId`, { ...manage, schema: { tags, summary: 'Delete an alarm rule (its alarms stay in the history)', params: ruleParams } }, async (request, reply) => {
    await service.deleteRule(ctx(request), request.params.machineId, request.params.ruleId);
    return reply.status(204).send();
  });

  app.get(`${base}/:machineId/alarms`, { ...read, schema: { tags, summary: 'Alarms of a machine, newest first', params: machineParams, querystring: alarmQuery } }, async (request) =>
    service.listAlarms(ctx(request), { ...request.query, machineId: request.params.machineId }),
  );

  app.post(`${base}/:machineId/alarms/:alarmId/acknowledge`, { ...acknowledge, schema: { tags, summary: 'Acknowledge an alarm', params: alarmParams } }, async (request) =>
    service.acknowledgeAlarm(ctx(request), request.params.machineId, request.params.alarmId, requireUser(request).id),
  );

  app.get(`${base}/:machineId/series`, {
    ...read,
    schema: { tags, summary: 'Samples or 1-minute/1-hour aggregates of a data point in [from, to) (default: the last 24 hours; resolution auto|raw|1m|1h)', params: machineParams, querystring: seriesQuery },
  }, async (request) => readSeries(db, tenantOf(request).tenantId, request.params.machineId, request.query, retention));

  // The same, addressed by the machine alone. The common guard finds the company holding the
  // machine among the caller's own (a PIN session: only the terminal's company) and applies the
  // same checks as to every company route; whatever it refuses (but a missing sign-in) looks like
  // a missing machine.
  const companyOfMachine = async (request: FastifyRequest) => {
    const machineId = (request.params as { machineId?: string }).machineId ?? '';
    if (!UUID.test(machineId)) return undefined;
    const terminal = request.auth?.terminal;
    const mine = terminal ? [terminal.tenantId] : (await access.membershipsOf(db, requireUser(request).id)).map((m) => m.tenantId);
    return (await tenantsOfMachine(db, machineId)).find((tenantId) => mine.includes(tenantId));
  };
  const readByMachine = requirePermission('machines.read', companyOfMachine);
  app.get('/machines/:machineId/series', {
    onRequest: async (request) => {
      await readByMachine(request).catch((error: unknown) => {
        if (error instanceof ProblemError && error.status !== 401) throw notFound('machine');
        throw error;
      });
    },
    schema: { tags, summary: 'Stored samples of a data point, by machine id alone', params: bareMachineParams, querystring: seriesQuery },
  }, async (request) => readSeries(db, tenantOf(request).tenantId, request.params.machineId, request.query, retention));

  // Devices: token instead of session, so no cookie and no CSRF token. 2xx only after commit.
  app.post('/ingest', {
    schema: {
      tags,
      summary: 'Machine data from a device: {"ts", "values"} or an array of those; Authorization: Bearer <device token>',
      body: z.unknown(),
    },
  }, async (request, reply) => {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const device = match ? await authenticateDevice(app.wv, match[1]) : undefined;
    if (!device) throw new ProblemError(401, 'machines_device_unauthenticated');
    if (!(await moduleEnabled(app.wv, device.tenantId))) throw new ProblemError(403, 'module_disabled');
    const parsed = parseIngest(request.body);
    if (!parsed.ok) throw new ProblemError(400, 'validation', {}, { errors: parsed.errors.map((e) => ({ path: e.path ? `body.${e.path}` : 'body', message: e.message })) });
    const stored = await writeSamples(db, [{ device, samples: parsed.samples, source: 'http' }]).catch((error: unknown) => {
      // e.g. a text with the NUL character, which PostgreSQL cannot store: the message, not the server, is at fault
      if (!isDataError(error)) throw error;
      throw new ProblemError(400, 'validation', {}, { errors: [{ path: 'body', message: 'the database refused a value of this message (for example a text containing the NUL character); nothing of it was stored' }] });
    });
    return reply.status(200).send({ received: parsed.samples.length, stored });
  });
};
