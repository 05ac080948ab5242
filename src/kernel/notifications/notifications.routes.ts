import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext, TenantContext } from '../http/app-context.js';
import { companyParams } from '../http/company.routes.js';
import { requirePermission, tenantOf } from '../http/guards.js';
import type { Locale } from '../i18n/server-messages.js';
import { inTransaction } from '../db/transaction.js';
import { markRead, readKeys } from './notification-reads.store.js';
import type { NotificationItem, NotificationSeverity } from './notification-provider.js';

/** At most this many items per module, and in all. */
const PER_MODULE = 20;
const IN_ALL = 50;
const SEVERITY: Record<NotificationSeverity, number> = { critical: 0, warning: 1, info: 2 };

/** The language of the texts when not the account's (the page's language just switched). */
const langQuery = z.object({ lang: z.enum(['de', 'en']).optional() });

const notificationList = z.object({
  items: z.array(z.object({
    key: z.string(),
    kind: z.string(),
    kindLabel: z.string(),
    severity: z.enum(['critical', 'warning', 'info']),
    title: z.string(),
    subtitle: z.string().optional(),
    at: z.string(),
    atMeaning: z.enum(['since', 'due']),
    path: z.string(),
    read: z.boolean(),
  })),
  unread: z.number().int(),
});
type NotificationList = z.infer<typeof notificationList>;

/** Every item the caller may see now, from every switched-on module with `notifications`, most pressing first. */
async function currentItems(ctx: AppContext, t: TenantContext, locale: Locale, now: Date) {
  const { db, registry, access } = ctx;
  const states = await access.moduleStates(db, registry, t.tenantId);
  const permissions = new Set(registry.permissionsOf(t.role));
  const items: Array<Omit<NotificationItem, 'kind'> & { kind: string; kindLabel: string }> = [];
  for (const m of registry.modules) {
    const provider = m.notifications;
    if (!provider || !states.some((s) => s.id === m.id && s.enabled) || !permissions.has(provider.permission)) continue;
    const listed = await provider.list(db, { tenantId: t.tenantId, userId: t.userId, role: t.role, permissions, locale, now, limit: PER_MODULE });
    for (const item of listed.slice(0, PER_MODULE)) {
      const label = provider.kinds[item.kind];
      if (!label) throw new Error(`notifications of ${m.id} returned the undeclared kind ${item.kind}`);
      items.push({ ...item, key: `${m.id}:${item.key}`, kind: `${m.id}.${item.kind}`, kindLabel: label[locale] });
    }
  }
  const time = (at: string) => Date.parse(at.length === 10 ? `${at}T00:00:00Z` : at);
  items.sort((a, b) => SEVERITY[a.severity] - SEVERITY[b.severity] || time(b.at) - time(a.at) || a.title.localeCompare(b.title, locale));
  return items.slice(0, IN_ALL);
}

async function listFor(ctx: AppContext, t: TenantContext, locale: Locale): Promise<NotificationList> {
  const items = await currentItems(ctx, t, locale, new Date());
  const read = await readKeys(ctx.db, t.tenantId, t.userId, items.map((i) => i.key));
  const withRead = items.map((i) => ({ ...i, read: read.has(i.key) }));
  return { items: withRead, unread: withRead.filter((i) => !i.read).length };
}

/**
 * The notification centre: what needs attention now (open alarms, measures past their end, late
 * orders …), contributed by each module's `notifications`, with what this person marked as read.
 */
export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/companies/:companyId/notifications', {
    onRequest: requirePermission('company.read'),
    schema: { tags: ['notifications'], summary: 'What needs attention now, with what the caller marked as read', params: companyParams, querystring: langQuery, response: { 200: notificationList } },
  }, async (request) => listFor(app.wv, tenantOf(request), request.query.lang ?? request.locale));

  app.post('/companies/:companyId/notifications/read', {
    onRequest: requirePermission('company.read'),
    schema: {
      tags: ['notifications'],
      summary: 'Mark notifications as read for the caller (the keys listed, or all): keys of items not listed now are ignored',
      params: companyParams,
      querystring: langQuery,
      body: z.union([z.object({ keys: z.array(z.string().min(1).max(200)).min(1).max(100) }).strict(), z.object({ all: z.literal(true) }).strict()]),
      response: { 200: notificationList },
    },
  }, async (request) => {
    const t = tenantOf(request);
    const locale = request.query.lang ?? request.locale;
    const items = await currentItems(app.wv, t, locale, new Date());
    const current = items.map((i) => i.key);
    const wanted = 'all' in request.body ? current : request.body.keys.filter((k) => current.includes(k));
    await inTransaction(app.wv.db, (trx) => markRead(trx, t.tenantId, t.userId, wanted, current));
    return listFor(app.wv, t, locale);
  });
};
