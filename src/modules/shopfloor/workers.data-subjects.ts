import type { DataSubjectProvider, ErasureOutcome } from '../../kernel/modules/data-subjects.js';
import { membersMatching } from '../../kernel/tenancy/member-data-subjects.js';

const count = (n: unknown) => Number(n ?? 0);

/**
 * Shop-floor workers' bookings. Nothing is deleted: a booking is the record of what was produced
 * (quantities, times, scrap) and feeds every figure of the shop floor; it keeps its link to the
 * account, which the platform anonymises.
 */
export const workerDataSubjects: DataSubjectProvider = {
  async find(db, tenantId, query) {
    const members = await membersMatching(db, tenantId, query);
    if (members.length === 0) return [];
    const rows = await db
      .selectFrom('shopfloor_bookings')
      .select(['received_by', (eb) => eb.fn.countAll<string>().as('n')])
      .where('tenant_id', '=', tenantId)
      .where('received_by', 'in', members.map((m) => m.userId))
      .groupBy('received_by')
      .execute();
    const booked = new Map(rows.map((r) => [r.received_by, count(r.n)]));
    return members.filter((m) => booked.has(m.userId)).map((m) => ({
      ref: m.userId,
      kind: { de: 'Werker/in mit Rückmeldungen in der Fertigung', en: 'Worker with shop-floor bookings' },
      name: m.name,
      email: m.email,
      phone: null,
      context: { de: `${booked.get(m.userId)} Rückmeldung(en)`, en: `${booked.get(m.userId)} booking(s)` },
    }));
  },

  async export(db, tenantId, ref) {
    const rows = await db
      .selectFrom('shopfloor_bookings as b')
      .leftJoin('shopfloor_order_operations as o', (j) => j.onRef('o.tenant_id', '=', 'b.tenant_id').onRef('o.id', '=', 'b.operation_id'))
      .select(['b.booked_at', 'b.kind', 'b.good', 'b.scrap', 'b.status', 'o.name as operation'])
      .where('b.tenant_id', '=', tenantId)
      .where('b.received_by', '=', ref)
      .orderBy('b.booked_at')
      .limit(10_000)
      .execute();
    if (rows.length === 0) return [];
    return [{
      title: { de: 'Rückmeldungen in der Fertigung', en: 'Shop-floor bookings' },
      labels: { bookedAt: { de: 'Zeitpunkt', en: 'Time' }, kind: { de: 'Art', en: 'Kind' }, operation: { de: 'Arbeitsgang', en: 'Operation' }, good: { de: 'Gutmenge', en: 'Good quantity' }, scrap: { de: 'Ausschuss', en: 'Scrap' }, status: { de: 'Stand', en: 'State' } },
      records: rows.map((r) => ({ bookedAt: new Date(r.booked_at).toISOString(), kind: r.kind, operation: r.operation ?? null, good: r.good, scrap: r.scrap, status: r.status })),
    }];
  },

  async erase(db, ctx, ref) {
    const n = await db.selectFrom('shopfloor_bookings').select((eb) => eb.fn.countAll<string>().as('n')).where('tenant_id', '=', ctx.tenantId).where('received_by', '=', ref).executeTakeFirstOrThrow();
    const outcome: ErasureOutcome = { erased: [], kept: [] };
    if (count(n.n) > 0) {
      outcome.kept.push({
        what: { de: 'Rückmeldungen mit Mengen und Zeiten (zeigen nun „Gelöschte Person“)', en: 'Bookings with quantities and times (now showing “Erased person”)' },
        count: count(n.n),
        reason: { de: 'Nachweis der Fertigung und Grundlage der Kennzahlen und Produktionsnachweise; Aufbewahrung nach HGB §257 als Buchungsgrundlage', en: 'Proof of production and the basis of the figures and production records; kept as accounting basis under HGB §257' },
      });
    }
    return outcome;
  },
};
