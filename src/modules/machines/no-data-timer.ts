import { sql } from 'kysely';
import type { Row } from '../../kernel/db/database.js';
import type { AppContext } from '../../kernel/http/app-context.js';
import { uuidv7 } from '../../kernel/db/uuid-v7.js';
import { recordAlarmEvent } from './alarm-events.store.js';
import type { AlarmRule, EvaluatorState } from './domain/alarm-rules.js';
import { checkNoData } from './domain/no-data.js';

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** How often "no data for N minutes" rules are checked (`WERKVERBUND_MACHINE_NODATA_CHECK_SECONDS`, default 30). */
export function noDataCheckSecondsFromEnv(env: NodeJS.ProcessEnv): number {
  const raw = env.WERKVERBUND_MACHINE_NODATA_CHECK_SECONDS?.trim();
  if (!raw) return 30;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`WERKVERBUND_MACHINE_NODATA_CHECK_SECONDS must be a whole number of seconds ≥ 1, not "${raw}"`);
  return n;
}

/**
 * Raises the alarms of enabled "no data" rules whose silence has exceeded their window, judged by
 * the rule's stored state and the newest stored sample of its point (so it holds after a restart
 * too). Companies with the module switched off are skipped. Each raise happens in a transaction
 * with the rule row locked, together with its notification; the ingest evaluation clears it when
 * data arrives. Returns how many alarms were raised.
 */
export async function checkNoDataRules(ctx: Pick<AppContext, 'db' | 'registry' | 'access'>, now: number = Date.now()): Promise<number> {
  const candidates = await sql<{ tenant_id: string; id: string }>`
    select r.tenant_id, r.id from machine_alarm_rules r
    where r.enabled and r.definition->>'kind' = 'noData' and not coalesce((r.state->>'active')::boolean, false)`.execute(ctx.db);
  let raised = 0;
  const enabled = new Map<string, boolean>();
  for (const c of candidates.rows) {
    if (!enabled.has(c.tenant_id)) {
      const states = await ctx.access.moduleStates(ctx.db, ctx.registry, c.tenant_id);
      enabled.set(c.tenant_id, states.some((s) => s.id === 'machines' && s.enabled));
    }
    if (!enabled.get(c.tenant_id)) continue;
    const did = await ctx.db.transaction().execute(async (tx) => {
      const r = await sql<Row<'machine_alarm_rules'> & { point: string }>`
        select r.*, p.name as point from machine_alarm_rules r
        join machine_points p on p.tenant_id = r.tenant_id and p.id = r.point_id
        where r.tenant_id = ${c.tenant_id} and r.id = ${c.id} and r.enabled for update of r`.execute(tx);
      const row = r.rows[0];
      if (!row) return false;
      const rule = json<AlarmRule>(row.definition);
      const last = await sql<{ ts: Date | string | null }>`select max(ts) as ts from machine_samples
        where tenant_id = ${c.tenant_id} and point = ${row.point}
          and device_id in (select id from machine_devices where tenant_id = ${c.tenant_id} and machine_id = ${row.machine_id})`.execute(tx);
      const lastSampleTs = last.rows[0]?.ts ? new Date(last.rows[0].ts).getTime() : null;
      const { state, event } = checkNoData(rule, json<EvaluatorState>(row.state), lastSampleTs, now);
      if (!event) return false;
      const alarmId = uuidv7();
      await sql`insert into machine_alarms (tenant_id, id, machine_id, rule_id, rule_name, point, severity, status, raised_at, raised_value)
        values (${c.tenant_id}, ${alarmId}, ${row.machine_id}, ${c.id}, ${row.name}, ${row.point}, ${row.severity}, 'active',
          ${new Date(event.ts).toISOString()}::timestamptz, null)`.execute(tx);
      await recordAlarmEvent(tx, c.tenant_id, alarmId, 'raised', new Date(event.ts));
      await sql`update machine_alarm_rules set state = ${JSON.stringify(state)}::jsonb, active_alarm_id = ${alarmId}
        where tenant_id = ${c.tenant_id} and id = ${c.id}`.execute(tx);
      return true;
    });
    if (did) raised++;
  }
  return raised;
}
