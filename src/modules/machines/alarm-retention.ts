import type { PeriodRule } from '../../kernel/modules/retention-rule.js';

/**
 * After the period, an alarm no longer says who acknowledged it and the e-mail deliveries about it
 * (which hold the recipients' addresses) are deleted; the alarm itself, its times and values stay.
 */
export const alarmPeopleRetention: PeriodRule = {
  kind: 'period',
  key: 'alarm-people',
  from: { de: 'ab dem Alarm', en: 'from the alarm' },
  months: 24,
  action: 'anonymise',
  keeps: { de: 'Alarme mit Zeiten und Werten bleiben; wer quittiert hat und an wen E-Mails gingen, wird entfernt', en: 'Alarms with times and values stay; who acknowledged and whom e-mails went to is removed' },
  async due(db, tenantId, cutoff, sampleSize) {
    const alarms = db
      .selectFrom('machine_alarms as a')
      .where('a.tenant_id', '=', tenantId)
      .where('a.raised_at', '<', cutoff)
      .where('a.acknowledged_by', 'is not', null);
    const [{ count }] = await alarms.select((eb) => eb.fn.countAll<string>().as('count')).execute();
    const [{ count: mails }] = await db
      .selectFrom('machine_notification_deliveries')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('tenant_id', '=', tenantId)
      .where('channel', '=', 'email')
      .where('created_at', '<', cutoff)
      .execute();
    const oldest = await alarms
      .innerJoin('machines as m', (j) => j.onRef('m.tenant_id', '=', 'a.tenant_id').onRef('m.id', '=', 'a.machine_id'))
      .select(['a.raised_at', 'm.name', 'a.rule_name'])
      .orderBy('a.raised_at')
      .limit(sampleSize)
      .execute();
    return {
      count: Number(count) + Number(mails),
      sample: oldest.map((r) => ({
        what: { de: `Alarm „${r.rule_name}“ an ${r.name}`, en: `Alarm “${r.rule_name}” on ${r.name}` },
        at: new Date(r.raised_at).toISOString(),
      })),
    };
  },
  async apply(db, tenantId, cutoff) {
    const alarms = await db.updateTable('machine_alarms').set({ acknowledged_by: null }).where('tenant_id', '=', tenantId).where('raised_at', '<', cutoff).where('acknowledged_by', 'is not', null).executeTakeFirst();
    await db.updateTable('machine_alarm_events').set({ actor_id: null }).where('tenant_id', '=', tenantId).where('at', '<', cutoff).where('actor_id', 'is not', null).execute();
    const mails = await db.deleteFrom('machine_notification_deliveries').where('tenant_id', '=', tenantId).where('channel', '=', 'email').where('created_at', '<', cutoff).executeTakeFirst();
    return Number(alarms.numUpdatedRows) + Number(mails.numDeletedRows);
  },
};
