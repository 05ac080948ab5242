import { foldPlain } from '../../kernel/search/fold.js';
import type { DataSubjectProvider, ErasureOutcome } from '../../kernel/modules/data-subjects.js';
import { REDACTED } from '../../kernel/audit/audit-redaction.js';
import { membersMatching } from '../../kernel/tenancy/member-data-subjects.js';
import { getSettings, putSettings } from './notification-settings.store.js';

const count = (n: unknown) => Number(n ?? 0);
const KIND = { de: 'Empfänger/in von Alarm-Benachrichtigungen', en: 'Recipient of alarm notifications' };

/**
 * Recipients of alarm e-mails: addresses typed in (`address:<e-mail>`) and members chosen
 * (`member:<user id>`). Erasing one takes them off the list and the address out of the delivery
 * log; the log's entries stay (which alarm was sent when), as do alarms the person acknowledged.
 */
export const recipientDataSubjects: DataSubjectProvider = {
  async find(db, tenantId, query) {
    const settings = await getSettings(db, tenantId);
    const wanted = foldPlain(query);
    const addresses = settings.addresses.filter((a) => foldPlain(a).includes(wanted));
    const members = (await membersMatching(db, tenantId, query)).filter((m) => settings.memberIds.includes(m.userId));
    return [
      ...members.map((m) => ({ ref: `member:${m.userId}`, kind: KIND, name: m.name, email: m.email, phone: null, context: null })),
      ...addresses.map((a) => ({ ref: `address:${a}`, kind: KIND, name: a, email: a, phone: null, context: null })),
    ];
  },

  async export(db, tenantId, ref) {
    const settings = await getSettings(db, tenantId);
    const listed = ref.startsWith('member:') ? settings.memberIds.includes(ref.slice(7)) : settings.addresses.includes(ref.slice(8));
    const sent = ref.startsWith('address:')
      ? await db.selectFrom('machine_notification_deliveries').select(['created_at', 'status']).where('tenant_id', '=', tenantId).where('target', '=', ref.slice(8)).orderBy('created_at').limit(10_000).execute()
      : [];
    if (!listed && sent.length === 0) return [];
    return [{
      title: { de: 'Alarm-Benachrichtigungen', en: 'Alarm notifications' },
      labels: { listed: { de: 'Auf der Empfängerliste', en: 'On the list of recipients' }, sentAt: { de: 'Gesendet', en: 'Sent' }, status: { de: 'Stand', en: 'State' } },
      records: [{ listed }, ...sent.map((d) => ({ sentAt: new Date(d.created_at).toISOString(), status: d.status }))],
    }];
  },

  async erase(db, ctx, ref) {
    const settings = await getSettings(db, ctx.tenantId);
    const outcome: ErasureOutcome = { erased: [], kept: [] };
    const isMember = ref.startsWith('member:');
    const value = isMember ? ref.slice(7) : ref.slice(8);
    const list = isMember ? settings.memberIds : settings.addresses;
    if (list.includes(value)) {
      await putSettings(db, ctx.tenantId, { ...settings, [isMember ? 'memberIds' : 'addresses']: list.filter((v) => v !== value) });
      outcome.erased.push({ what: { de: 'Eintrag auf der Empfängerliste', en: 'Entry on the list of recipients' }, count: 1 });
    }
    if (!isMember) {
      const changed = count((await db.updateTable('machine_notification_deliveries').set({ target: REDACTED }).where('tenant_id', '=', ctx.tenantId).where('target', '=', value).executeTakeFirst()).numUpdatedRows);
      if (changed > 0) {
        outcome.erased.push({ what: { de: 'Adresse im Versandprotokoll', en: 'Address in the delivery log' }, count: changed });
        outcome.kept.push({ what: { de: 'Versandprotokoll ohne Adresse', en: 'Delivery log without the address' }, count: changed, reason: { de: 'Nachweis, dass und wann ein Alarm gemeldet wurde', en: 'Proof that and when an alarm was reported' } });
      }
    }
    return outcome;
  },
};
