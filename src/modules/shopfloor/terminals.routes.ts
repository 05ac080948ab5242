import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { writeAudit } from '../../kernel/audit/audit-log.js';
import { inTransaction } from '../../kernel/db/transaction.js';
import {
  TERMINAL_COOKIE, TERMINAL_COOKIE_DAYS, TERMINAL_COOKIE_PATH, type TerminalRow, createTerminal, deleteTerminal, findTerminal, listTerminals,
} from '../../kernel/auth/terminal-store.js';
import { companyParams } from '../../kernel/http/company.routes.js';
import { requirePermission, tenantOf } from '../../kernel/http/guards.js';
import { notFound, unknownReference } from '../../kernel/http/problem.js';
import { listWorkCentres, setTerminalWorkCentre, terminalWorkCentres } from './shopfloor.store.js';

const terminalParams = companyParams.extend({ terminalId: z.uuid() });
const terminalBody = z.object({ name: z.string().trim().min(1).max(100), workCentreId: z.uuid().nullable().optional() });

const toJson = (t: TerminalRow, workCentreId: string | null) => ({ id: t.id, name: t.name, workCentreId, createdAt: t.createdAt.toISOString(), lastSignInAt: t.lastSignInAt?.toISOString() ?? null });

/**
 * Terminal devices: a tablet on which workers sign in with their PIN. Registering sets the
 * device cookie on the browser that sends the request, so it is done on the tablet itself.
 */
export const shopfloorTerminalRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.wv;
  const base = '/companies/:companyId/shopfloor/terminals';
  const tags = ['shopfloor'];
  const plan = requirePermission('shopfloor.plan');

  app.get(base, { onRequest: plan, schema: { tags, summary: 'Registered terminals', params: companyParams } },
    async (request) => {
      const tenantId = tenantOf(request).tenantId;
      const [terminals, centres] = await Promise.all([listTerminals(ctx.db, tenantId), terminalWorkCentres(ctx.db, tenantId)]);
      return terminals.map((t) => toJson(t, centres.get(t.id) ?? null));
    });

  app.post(base, {
    onRequest: plan,
    schema: { tags, summary: 'Register the calling device as a terminal (sets its device cookie)', params: companyParams, body: terminalBody },
  }, async (request, reply) => {
    const t = tenantOf(request);
    const workCentreId = request.body.workCentreId ?? null;
    if (workCentreId && (await listWorkCentres(ctx.db, t.tenantId, [workCentreId])).length === 0) throw unknownReference('body.workCentreId', 404);
    const { id, token } = await inTransaction(ctx.db, async (trx) => {
      const created = await createTerminal(trx, { tenantId: t.tenantId, name: request.body.name, createdBy: t.userId });
      await setTerminalWorkCentre(trx, t.tenantId, created.id, workCentreId);
      await writeAudit(trx, { tenantId: t.tenantId, actorId: t.userId, action: 'terminal.registered', target: request.body.name, details: { terminalId: created.id, workCentreId } });
      return created;
    });
    reply.setCookie(TERMINAL_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: ctx.config.secureCookies, path: TERMINAL_COOKIE_PATH, maxAge: TERMINAL_COOKIE_DAYS * 86_400 });
    return reply.status(201).send(toJson((await findTerminal(ctx.db, t.tenantId, id))!, workCentreId));
  });

  app.delete(`${base}/:terminalId`, {
    onRequest: plan,
    schema: { tags, summary: 'Revoke a terminal: no more PIN sign-in there, its PIN sessions end', params: terminalParams },
  }, async (request, reply) => {
    const t = tenantOf(request);
    const terminal = await findTerminal(ctx.db, t.tenantId, request.params.terminalId);
    if (!terminal) throw notFound('terminal');
    await inTransaction(ctx.db, async (trx) => {
      if (!(await deleteTerminal(trx, t.tenantId, terminal.id))) throw notFound('terminal');
      await writeAudit(trx, { tenantId: t.tenantId, actorId: t.userId, action: 'terminal.revoked', target: terminal.name, details: { terminalId: terminal.id } });
    });
    ctx.access.dropSessions((auth) => auth.terminal?.terminalId === terminal.id);
    return reply.status(204).send();
  });
};
