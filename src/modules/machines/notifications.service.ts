import type { z } from 'zod';
import { ProblemError } from '../../kernel/http/problem.js';
import { companyMembers } from '../../kernel/tenancy/members.js';
import * as events from './alarm-events.store.js';
import type { MachinesContext } from './machines.service.js';
import * as store from './notification-settings.store.js';
import type { markReadBody, notificationSettingsBody } from './notifications.schemas.js';

export const listNotifications = (ctx: MachinesContext, limit: number) => events.listNotifications(ctx.db, ctx.tenant.tenantId, ctx.tenant.userId, limit);

export async function markRead(ctx: MachinesContext, body: z.output<typeof markReadBody>) {
  await events.markNotificationsRead(ctx.db, ctx.tenant.tenantId, ctx.tenant.userId, body.until ? new Date(body.until) : undefined);
  return events.listNotifications(ctx.db, ctx.tenant.tenantId, ctx.tenant.userId, 1).then((r) => ({ unread: r.unread }));
}

/** The settings with the members one can choose from (name and address; shop-floor workers without an address are no choice). */
export async function getSettings(ctx: MachinesContext) {
  const settings = await store.getSettings(ctx.db, ctx.tenant.tenantId);
  const members = await companyMembers(ctx.db, ctx.tenant.tenantId);
  return { ...settings, members: members.flatMap((m) => (m.email === null ? [] : [{ userId: m.userId, name: m.name, email: m.email }])) };
}

export async function putSettings(ctx: MachinesContext, body: z.output<typeof notificationSettingsBody>) {
  const members = await store.memberRecipients(ctx.db, ctx.tenant.tenantId, body.memberIds);
  const unknown = body.memberIds.map((id, i) => ({ id, i })).filter(({ id }) => !members.some((m) => m.userId === id));
  if (unknown.length > 0) {
    throw new ProblemError(400, 'validation', {}, { errors: unknown.map(({ i }) => ({ path: `body.memberIds.${i}`, message: 'not a member of this company' })) });
  }
  await store.putSettings(ctx.db, ctx.tenant.tenantId, body);
  return getSettings(ctx);
}

export const listDeliveries = (ctx: MachinesContext, limit: number) => store.listDeliveries(ctx.db, ctx.tenant.tenantId, limit);
