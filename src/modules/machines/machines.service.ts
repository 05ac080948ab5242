import type { z } from 'zod';
import { writeAudit } from '../../kernel/audit/audit-log.js';
import { newSecretToken } from '../../kernel/auth/secret-token.js';
import type { Config } from '../../kernel/config.js';
import type { Db } from '../../kernel/db/database.js';
import { inTransaction } from '../../kernel/db/transaction.js';
import { outboundPolicy } from '../../kernel/net/outbound-policy.js';
import { uuidv7 } from '../../kernel/db/uuid-v7.js';
import type { TenantContext } from '../../kernel/http/app-context.js';
import { ProblemError, notFound, unknownReference } from '../../kernel/http/problem.js';
import { existingWorkCentreIds } from '../shopfloor/index.js';
import * as alarms from './alarms.store.js';
import * as store from './machines.store.js';
import * as pointStore from './points.store.js';
import * as deviceStore from './devices.store.js';
import type { deviceBody, machineBody, pointBody, ruleBody } from './schemas.js';

export interface MachinesContext {
  db: Db;
  tenant: TenantContext;
  /**
   * The allow-list for outbound connections (webhooks, MQTT, OPC UA); without it nothing non-public
   * is reached. The data directory locates the instance key of stored secrets.
   */
  config?: Pick<Config, 'outboundAllow' | 'dataDir'>;
}

/** The outbound policy of a context (strict when the context carries no configuration). */
export const outboundOf = (ctx: MachinesContext) => outboundPolicy(ctx.config ?? { outboundAllow: NO_EXCEPTIONS });
const NO_EXCEPTIONS: string[] = [];

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

/** Every change to a machine, its data points, devices and alarm rules is logged with the machine as target: its page tells them. */
const auditMachine = (db: Db, ctx: MachinesContext, action: string, machineId: string, details: Record<string, unknown>) =>
  writeAudit(db, { tenantId: ctx.tenant.tenantId, actorId: ctx.tenant.userId, action: `machines.${action}`, target: machineId, details });

async function machineOrThrow(ctx: MachinesContext, machineId: string) {
  const machine = await store.findMachine(ctx.db, ctx.tenant.tenantId, machineId);
  if (!machine) throw notFound('machine');
  return machine;
}

export const listMachines = (ctx: MachinesContext) => store.listMachines(ctx.db, ctx.tenant.tenantId);

export async function getMachine(ctx: MachinesContext, machineId: string) {
  const machine = await machineOrThrow(ctx, machineId);
  const points = await pointStore.listPoints(ctx.db, ctx.tenant.tenantId, machineId);
  const devices = await deviceStore.listDevices(ctx.db, ctx.tenant.tenantId, machineId);
  return { ...machine, points, devices };
}

/** The work centre a machine stands at must be one of the company's (the shop floor's own check). */
async function checkWorkCentre(ctx: MachinesContext, body: z.output<typeof machineBody>) {
  if (body.workCentreId && !(await existingWorkCentreIds(ctx.db, ctx.tenant.tenantId, [body.workCentreId])).has(body.workCentreId)) {
    throw unknownReference('body.workCentreId');
  }
}

export async function createMachine(ctx: MachinesContext, body: z.output<typeof machineBody>) {
  await checkWorkCentre(ctx, body);
  const id = uuidv7();
  try {
    await inTransaction(ctx.db, async (tx) => {
      await store.insertMachine(tx, ctx.tenant.tenantId, id, body);
      await auditMachine(tx, ctx, 'machine_created', id, { name: body.name });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ProblemError(409, 'machines_name_taken', { name: body.name });
    throw error;
  }
  return getMachine(ctx, id);
}

export async function updateMachine(ctx: MachinesContext, machineId: string, body: z.output<typeof machineBody>) {
  await machineOrThrow(ctx, machineId);
  await checkWorkCentre(ctx, body);
  try {
    await inTransaction(ctx.db, async (tx) => {
      if (!(await store.updateMachine(tx, ctx.tenant.tenantId, machineId, body))) throw notFound('machine');
      await auditMachine(tx, ctx, 'machine_changed', machineId, { name: body.name });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ProblemError(409, 'machines_name_taken', { name: body.name });
    throw error;
  }
  return getMachine(ctx, machineId);
}

export async function deleteMachine(ctx: MachinesContext, machineId: string) {
  const machine = await machineOrThrow(ctx, machineId);
  await inTransaction(ctx.db, async (tx) => {
    if (!(await store.deleteMachine(tx, ctx.tenant.tenantId, machineId))) throw notFound('machine');
    await auditMachine(tx, ctx, 'machine_deleted', machineId, { name: machine.name });
  });
}

export async function listPoints(ctx: MachinesContext, machineId: string) {
  await machineOrThrow(ctx, machineId);
  return pointStore.listPoints(ctx.db, ctx.tenant.tenantId, machineId);
}

export async function createPoint(ctx: MachinesContext, machineId: string, body: z.output<typeof pointBody>) {
  await machineOrThrow(ctx, machineId);
  const id = uuidv7();
  try {
    await inTransaction(ctx.db, async (tx) => {
      await pointStore.insertPoint(tx, ctx.tenant.tenantId, machineId, id, body);
      await auditMachine(tx, ctx, 'point_added', machineId, { point: body.name });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ProblemError(409, 'machines_point_taken', { name: body.name });
    throw error;
  }
  return (await pointStore.findPoint(ctx.db, ctx.tenant.tenantId, machineId, id))!;
}

export async function updatePoint(ctx: MachinesContext, machineId: string, pointId: string, body: z.output<typeof pointBody>) {
  try {
    await inTransaction(ctx.db, async (tx) => {
      if (!(await pointStore.updatePoint(tx, ctx.tenant.tenantId, machineId, pointId, body))) throw notFound('point');
      await auditMachine(tx, ctx, 'point_changed', machineId, { point: body.name });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ProblemError(409, 'machines_point_taken', { name: body.name });
    throw error;
  }
  return (await pointStore.findPoint(ctx.db, ctx.tenant.tenantId, machineId, pointId))!;
}

export async function deletePoint(ctx: MachinesContext, machineId: string, pointId: string) {
  const point = await pointStore.findPoint(ctx.db, ctx.tenant.tenantId, machineId, pointId);
  if (!point) throw notFound('point');
  await inTransaction(ctx.db, async (tx) => {
    if (!(await pointStore.deletePoint(tx, ctx.tenant.tenantId, machineId, pointId))) throw notFound('point');
    await auditMachine(tx, ctx, 'point_deleted', machineId, { point: point.name });
  });
}

export async function listDevices(ctx: MachinesContext, machineId: string) {
  await machineOrThrow(ctx, machineId);
  return deviceStore.listDevices(ctx.db, ctx.tenant.tenantId, machineId);
}

/** Creates a device credential; the token is in this answer only, the database keeps its hash. */
export async function createDevice(ctx: MachinesContext, machineId: string, body: z.output<typeof deviceBody>) {
  await machineOrThrow(ctx, machineId);
  const id = uuidv7();
  const { token, hash } = newSecretToken();
  await inTransaction(ctx.db, async (tx) => {
    await deviceStore.insertDevice(tx, ctx.tenant.tenantId, machineId, id, body.name, hash);
    await auditMachine(tx, ctx, 'device_created', machineId, { device: body.name });
  });
  return { id, machineId, name: body.name, token, mqtt: { username: id, password: token, topic: `wv/${id}/telemetry` } };
}

export async function revokeDevice(ctx: MachinesContext, machineId: string, deviceId: string) {
  await inTransaction(ctx.db, async (tx) => {
    if (!(await deviceStore.revokeDevice(tx, ctx.tenant.tenantId, machineId, deviceId))) throw notFound('device');
    await auditMachine(tx, ctx, 'device_revoked', machineId, {});
  });
}

// ---------------------------------------------------------------- alarm rules and alarms

async function pointOrThrow(ctx: MachinesContext, machineId: string, pointId: string) {
  const point = await pointStore.findPoint(ctx.db, ctx.tenant.tenantId, machineId, pointId);
  if (!point) throw new ProblemError(400, 'validation', {}, { errors: [{ path: 'body.pointId', message: 'no data point of this machine' }] });
  return point;
}

/** A rule without a name is told by its data point. */
const ruleLabel = (name: string, point: string) => name || point;

export async function listRules(ctx: MachinesContext, machineId: string) {
  await machineOrThrow(ctx, machineId);
  return alarms.listRules(ctx.db, ctx.tenant.tenantId, machineId);
}

export async function createRule(ctx: MachinesContext, machineId: string, body: z.output<typeof ruleBody>) {
  await machineOrThrow(ctx, machineId);
  const point = await pointOrThrow(ctx, machineId, body.pointId);
  const id = uuidv7();
  await alarms.changingRules(() => inTransaction(ctx.db, async (tx) => {
    await alarms.insertRule(tx, ctx.tenant.tenantId, machineId, id, body);
    await auditMachine(tx, ctx, 'rule_created', machineId, { rule: ruleLabel(body.name, point.name) });
  }));
  return (await alarms.listRules(ctx.db, ctx.tenant.tenantId, machineId, id))[0];
}

export async function updateRule(ctx: MachinesContext, machineId: string, ruleId: string, body: z.output<typeof ruleBody>) {
  await machineOrThrow(ctx, machineId);
  if ((await alarms.listRules(ctx.db, ctx.tenant.tenantId, machineId, ruleId)).length === 0) throw notFound('rule');
  const point = await pointOrThrow(ctx, machineId, body.pointId);
  await alarms.changingRules(() => inTransaction(ctx.db, async (tx) => {
    await alarms.updateRule(tx, ctx.tenant.tenantId, machineId, ruleId, body);
    await auditMachine(tx, ctx, 'rule_changed', machineId, { rule: ruleLabel(body.name, point.name) });
  }));
  return (await alarms.listRules(ctx.db, ctx.tenant.tenantId, machineId, ruleId))[0];
}

export async function deleteRule(ctx: MachinesContext, machineId: string, ruleId: string) {
  const rule = (await alarms.listRules(ctx.db, ctx.tenant.tenantId, machineId, ruleId))[0];
  if (!rule) throw notFound('rule');
  await alarms.changingRules(() => inTransaction(ctx.db, async (tx) => {
    if (!(await alarms.deleteRule(tx, ctx.tenant.tenantId, machineId, ruleId))) throw notFound('rule');
    await auditMachine(tx, ctx, 'rule_deleted', machineId, { rule: ruleLabel(rule.name, rule.point) });
  }));
}

export async function listAlarms(ctx: MachinesContext, query: { machineId?: string; open: boolean; limit: number }) {
  if (query.machineId) await machineOrThrow(ctx, query.machineId);
  return alarms.listAlarms(ctx.db, ctx.tenant.tenantId, query);
}

export async function acknowledgeAlarm(ctx: MachinesContext, machineId: string, alarmId: string, userId: string) {
  const alarm = await alarms.acknowledgeAlarm(ctx.db, ctx.tenant.tenantId, machineId, alarmId, userId);
  if (!alarm) throw notFound('alarm');
  return alarm;
}

/** Each machine with the latest value of each of its points and its open alarms. */
export async function liveOverview(ctx: MachinesContext) {
  const machines = await store.listMachines(ctx.db, ctx.tenant.tenantId);
  const open = await alarms.listAlarms(ctx.db, ctx.tenant.tenantId, { open: true, limit: 1000 });
  const result = [];
  for (const m of machines) {
    const points = await pointStore.listPoints(ctx.db, ctx.tenant.tenantId, m.id);
    const latest = await alarms.latestValues(ctx.db, ctx.tenant.tenantId, m.id);
    result.push({
      id: m.id,
      name: m.name,
      description: m.description,
      points: points.map((p) => {
        const l = latest.find((x) => x.point === p.name);
        return { id: p.id, name: p.name, label: p.label, unit: p.unit, type: p.type, ts: l?.ts ?? null, value: l?.value ?? null };
      }),
      alarms: open.filter((a) => a.machineId === m.id),
    });
  }
  return result;
}
