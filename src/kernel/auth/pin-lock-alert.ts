import type { Db } from '../db/database.js';
import type { Config } from '../config.js';
import { pickLocale, translate } from '../i18n/server-messages.js';
import type { Mailer } from '../mail/mailer.js';

export interface PinLockEvent {
  tenantId: string;
  /** The worker's name and personnel number, as the people page shows them. */
  worker: string;
  terminal: string;
  reason: 'paused' | 'budget';
  until: Date;
}

const when = (locale: 'de' | 'en', d: Date) =>
  new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin', timeZoneName: 'short' }).format(d);

/**
 * Tells the company's owners and admins by e-mail (when SMTP is set up) that a worker's PIN
 * sign-in was just locked: someone at a terminal may be guessing PINs, and only they can unlock
 * the daily lock. Each in their own language, with the link to the people page. Returns the
 * number of mails sent. The audit log has the lock either way.
 */
export async function mailPinLockToAdmins(ctx: { db: Db; mailer: Mailer; config: Pick<Config, 'publicUrl'> }, e: PinLockEvent): Promise<number> {
  const company = await ctx.db.selectFrom('tenants').select('name').where('id', '=', e.tenantId).executeTakeFirst();
  const admins = await ctx.db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.email', 'u.locale'])
    .where('m.tenant_id', '=', e.tenantId)
    .where('m.role', 'in', ['owner', 'admin'])
    .where('u.email', 'is not', null)
    .orderBy('u.email')
    .$narrowType<{ email: string }>()
    .execute();
  let sent = 0;
  for (const admin of admins) {
    const locale = pickLocale(admin.locale, undefined);
    const params = { worker: e.worker, terminal: e.terminal, company: String(company?.name ?? ''), until: when(locale, e.until), link: `${ctx.config.publicUrl}/c/${e.tenantId}/members` };
    const text = translate(locale, e.reason === 'budget' ? 'mail.pin_locked_budget_text' : 'mail.pin_locked_paused_text', params);
    if (await ctx.mailer.send({ to: admin.email, subject: translate(locale, 'mail.pin_locked_subject', params), text })) sent++;
  }
  return sent;
}
