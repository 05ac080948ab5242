import type { PeriodRule } from '../../kernel/modules/retention-rule.js';

/**
 * Who booked is removed from bookings after the period; quantities, times, reasons and parameters
 * stay, so every figure of the order and the controlling is unchanged.
 */
export const bookingPersonRetention: PeriodRule = {
  kind: 'period',
  key: 'booking-person',
  from: { de: 'ab der Rückmeldung', en: 'from the booking' },
  months: 24,
  action: 'anonymise',
  keeps: { de: 'Mengen, Zeiten, Gründe und Prozesswerte bleiben; nur wer zurückgemeldet hat, wird entfernt', en: 'Quantities, times, reasons and process values stay; only who booked is removed' },
  async due(db, tenantId, cutoff, sampleSize) {
    const base = db
      .selectFrom('shopfloor_bookings as b')
      .where('b.tenant_id', '=', tenantId)
      .where('b.booked_at', '<', cutoff)
      .where('b.received_by', 'is not', null);
    const [{ count }] = await base.select((eb) => eb.fn.countAll<string>().as('count')).execute();
    const oldest = await base
      .innerJoin('shopfloor_order_operations as op', (j) => j.onRef('op.tenant_id', '=', 'b.tenant_id').onRef('op.id', '=', 'b.operation_id'))
      .innerJoin('shopfloor_orders as o', (j) => j.onRef('o.tenant_id', '=', 'op.tenant_id').onRef('o.id', '=', 'op.order_id'))
      .select(['b.booked_at', 'o.number'])
      .orderBy('b.booked_at')
      .limit(sampleSize)
      .execute();
    return {
      count: Number(count),
      sample: oldest.map((r) => ({ what: { de: `Rückmeldung zu ${r.number}`, en: `Booking for ${r.number}` }, at: new Date(r.booked_at).toISOString() })),
    };
  },
  async apply(db, tenantId, cutoff) {
    const bookings = await db
      .updateTable('shopfloor_bookings')
      .set({ received_by: null })
      .where('tenant_id', '=', tenantId)
      .where('booked_at', '<', cutoff)
      .where('received_by', 'is not', null)
      .executeTakeFirst();
    await db
      .updateTable('shopfloor_photos')
      .set({ uploaded_by: null })
      .where('tenant_id', '=', tenantId)
      .where('uploaded_at', '<', cutoff)
      .where('uploaded_by', 'is not', null)
      .execute();
    return Number(bookings.numUpdatedRows);
  },
};
