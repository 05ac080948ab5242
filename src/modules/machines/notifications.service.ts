import type { z } from 'zod';
import { newSecretToken } from '../../kernel/auth/secret-token.js';
import { uuidv7 } from '../../kernel/db/uuid-v7.js';
import { ProblemError, notFound } from '../../kernel/http/problem.js';
import { companyMembers } from '../../kernel/tenancy/members.js';
import * as events from './alarm-events.store.js';
import type { MachinesContext } from './machines.service.js';
import { OutboundBlockedError } from '../../kernel/net/outbound-policy.js';
import { checkOutboundUrl, outboundBlocked } from './outbound-check.js';
import { testWebhook as sendTestMessage } from './notification-outbox.js';
import { machinesBox, sealWebhookSecret } from './sealed-secrets.js';
import { loadConfig } from '../../kernel/config.js';
import * as store from './notification-settings.store.js';
import type { markReadBody, notificationSettingsBody, webhookBody } from './notifications.schemas.js';

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

export const listWebhooks = (ctx: MachinesContext) => store.listWebhooks(ctx.db, ctx.tenant.tenantId);

/** Creates a webhook; its signing secret is in this answer only. */
export async function createWebhook(ctx: MachinesContext, body: z.output<typeof webhookBody>) {
  await checkOutboundUrl(ctx, body.url);
  const id = uuidv7();
  const secret = `whsec_${newSecretToken().token}`;
  await store.insertWebhook(ctx.db, ctx.tenant.tenantId, id, body, sealWebhookSecret(machinesBox(ctx.config), ctx.tenant.tenantId, id, secret));
  return { ...(await store.listWebhooks(ctx.db, ctx.tenant.tenantId, id))[0], secret };
}

export async function updateWebhook(ctx: MachinesContext, id: string, body: z.output<typeof webhookBody>) {
  await checkOutboundUrl(ctx, body.url);
  if (!(await store.updateWebhook(ctx.db, ctx.tenant.tenantId, id, body))) throw notFound('webhook');
  return (await store.listWebhooks(ctx.db, ctx.tenant.tenantId, id))[0];
}

export async function deleteWebhook(ctx: MachinesContext, id: string) {
  if (!(await store.deleteWebhook(ctx.db, ctx.tenant.tenantId, id))) throw notFound('webhook');
}

/** A signed test message to the webhook now, with the receiver's answer. */
export async function testWebhook(ctx: MachinesContext, id: string) {
  const result = await sendTestMessage({ db: ctx.db, config: ctx.config ?? { outboundAllow: [], dataDir: loadConfig().dataDir } }, ctx.tenant.tenantId, id).catch((error: unknown) => {
    if (error instanceof OutboundBlockedError) throw outboundBlocked(error);
    throw error;
  });
  if (!result) throw notFound('webhook');
  return result;
}

export const listDeliveries = (ctx: MachinesContext, limit: number) => store.listDeliveries(ctx.db, ctx.tenant.tenantId, limit);
