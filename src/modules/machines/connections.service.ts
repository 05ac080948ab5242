import { uuidv7 } from '../../kernel/db/uuid-v7.js';
import { ProblemError, notFound, unknownReference } from '../../kernel/http/problem.js';
import type { ConnectionBody } from './connections.schemas.js';
import * as store from './connections.store.js';
import { OutboundBlockedError } from '../../kernel/net/outbound-policy.js';
import { type MachinesContext, outboundOf } from './machines.service.js';
import { checkOutboundUrl, outboundBlocked } from './outbound-check.js';
import { machinesBox, openPassword, sealPassword } from './sealed-secrets.js';
import { type BrowsedNode, browseOpcua, closeBrowseSession } from './sources/opcua-browse.js';
import { supervisorOf } from './sources/source-supervisor.js';
import type { SourceStatus } from './sources/source-status.js';

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

const MQTT_SETTINGS = ['clientId', 'topic', 'payload', 'machineId', 'point', 'machineKeys'] as const;
const OPCUA_SETTINGS = ['securityMode', 'securityPolicy'] as const;

/** What the API shows of a connection: everything but the password. */
export function publicConnection(c: store.ConnectionRecord, status: SourceStatus | null) {
  const keys: readonly string[] = c.kind === 'mqtt' ? MQTT_SETTINGS : OPCUA_SETTINGS;
  const settings = Object.fromEntries(keys.map((k) => [k, c.settings[k] ?? null]));
  return {
    id: c.id,
    kind: c.kind,
    name: c.name,
    enabled: c.enabled,
    url: c.url,
    username: c.username,
    hasPassword: c.password !== '',
    ...settings,
    status: status ?? { state: c.enabled ? 'notRunning' : 'stopped', since: null, lastMessageAt: null, lastError: null, lastErrorAt: null, stored: 0 },
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

const statusOf = (ctx: MachinesContext, id: string) => supervisorOf(ctx.db)?.status(ctx.tenant.tenantId, id) ?? null;

async function connectionOrThrow(ctx: MachinesContext, id: string) {
  const c = await store.findConnection(ctx.db, ctx.tenant.tenantId, id);
  if (!c) throw notFound('connection');
  return c;
}

function settingsOf(body: ConnectionBody): Record<string, unknown> {
  const { kind: _k, name: _n, enabled: _e, url: _u, username: _us, password: _p, ...settings } = body;
  return settings;
}

async function checkMachines(ctx: MachinesContext, body: ConnectionBody) {
  if (body.kind !== 'mqtt') return;
  const ids = [...new Set([...(body.machineId ? [body.machineId] : []), ...body.machineKeys.map((k) => k.machineId)])];
  const found = await store.existingMachineIds(ctx.db, ctx.tenant.tenantId, ids);
  if (body.machineId && !found.has(body.machineId)) throw unknownReference('body.machineId', 404);
  const key = body.machineKeys.findIndex((k) => !found.has(k.machineId));
  if (key >= 0) throw unknownReference(`body.machineKeys.${key}.machineId`, 404);
}

async function afterChange(ctx: MachinesContext, id: string) {
  await closeBrowseSession(`${ctx.tenant.tenantId}/${id}`);
  await supervisorOf(ctx.db)?.refresh();
}

export async function listConnections(ctx: MachinesContext) {
  const rows = await store.listConnections(ctx.db, ctx.tenant.tenantId);
  return rows.map((c) => publicConnection(c, statusOf(ctx, c.id)));
}

export async function getConnection(ctx: MachinesContext, id: string) {
  return publicConnection(await connectionOrThrow(ctx, id), statusOf(ctx, id));
}

export async function createConnection(ctx: MachinesContext, body: ConnectionBody) {
  await checkMachines(ctx, body);
  await checkOutboundUrl(ctx, body.url);
  const id = uuidv7();
  try {
    const password = sealPassword(machinesBox(ctx.config), ctx.tenant.tenantId, id, body.password ?? '');
    await store.insertConnection(ctx.db, ctx.tenant.tenantId, id, { ...body, password, settings: settingsOf(body) });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ProblemError(409, 'machines_connection_name_taken', { name: body.name });
    throw error;
  }
  await afterChange(ctx, id);
  return getConnection(ctx, id);
}

export async function updateConnection(ctx: MachinesContext, id: string, body: ConnectionBody) {
  const current = await connectionOrThrow(ctx, id);
  if (current.kind !== body.kind) throw new ProblemError(409, 'machines_connection_kind_fixed');
  await checkMachines(ctx, body);
  await checkOutboundUrl(ctx, body.url);
  try {
    const password = body.password == null ? null : sealPassword(machinesBox(ctx.config), ctx.tenant.tenantId, id, body.password);
    await store.updateConnection(ctx.db, ctx.tenant.tenantId, id, { ...body, password, settings: settingsOf(body) });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ProblemError(409, 'machines_connection_name_taken', { name: body.name });
    throw error;
  }
  await afterChange(ctx, id);
  return getConnection(ctx, id);
}

export async function deleteConnection(ctx: MachinesContext, id: string) {
  if (!(await store.deleteConnection(ctx.db, ctx.tenant.tenantId, id))) throw notFound('connection');
  await afterChange(ctx, id);
}

async function opcuaConnectionOrThrow(ctx: MachinesContext, id: string) {
  const c = await connectionOrThrow(ctx, id);
  if (c.kind !== 'opcua') throw new ProblemError(409, 'machines_connection_not_opcua');
  return c;
}

export async function listOpcuaItems(ctx: MachinesContext, id: string) {
  await opcuaConnectionOrThrow(ctx, id);
  return store.listOpcuaItems(ctx.db, ctx.tenant.tenantId, id);
}

export async function replaceOpcuaItems(
  ctx: MachinesContext,
  id: string,
  items: Array<{ nodeId: string; machineId: string; point: string; samplingIntervalMs: number }>,
) {
  await opcuaConnectionOrThrow(ctx, id);
  const machineIds = [...new Set(items.map((i) => i.machineId))];
  const found = await store.existingMachineIds(ctx.db, ctx.tenant.tenantId, machineIds);
  const unknown = items.findIndex((i) => !found.has(i.machineId));
  if (unknown >= 0) throw unknownReference(`body.items.${unknown}.machineId`, 404);
  await store.replaceOpcuaItems(ctx.db, ctx.tenant.tenantId, id, items.map((i) => ({ ...i, id: uuidv7() })));
  await supervisorOf(ctx.db)?.refresh();
  return store.listOpcuaItems(ctx.db, ctx.tenant.tenantId, id);
}

export async function browse(ctx: MachinesContext, id: string, nodeId: string, pkiDir: string): Promise<BrowsedNode[]> {
  const stored = await opcuaConnectionOrThrow(ctx, id);
  // a password the instance key cannot open answers 409 secret_unreadable
  const c = { ...stored, password: openPassword(machinesBox(ctx.config), stored) };
  try {
    return await browseOpcua(c, nodeId, pkiDir, outboundOf(ctx));
  } catch (error) {
    if (error instanceof OutboundBlockedError) throw outboundBlocked(error);
    const e = error as Error & { unreachable?: boolean; badNode?: boolean };
    if (e.badNode) throw new ProblemError(400, 'machines_opcua_bad_node', { nodeId, reason: e.message });
    throw new ProblemError(502, 'machines_opcua_unreachable', { url: c.url, reason: e.message });
  }
}
