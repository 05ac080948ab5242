import type { Db, Row } from '../../kernel/db/database.js';
import { uuidv7 } from '../../kernel/db/uuid-v7.js';
import { companyGroupingKeys } from '../../kernel/tenancy/company-store.js';
import { personNames } from '../../kernel/tenancy/members.js';
import type { Answers } from './domain/answers.js';
import type { CheckResult } from './domain/score-check.js';
import { storedChoice } from '../../kernel/db/stored-choice.js';
import { storedJson } from '../../kernel/db/stored-json.js';

export interface CheckRunRow {
  id: string;
  questionnaire_version: string;
  status: (typeof RUN_STATUSES)[number];
  created_at: Date;
  completed_at: Date | null;
  combined_answers: Answers | null;
  result: CheckResult | null;
}

export interface ResponseRow {
  user_id: string;
  role: string;
  answers: Answers;
  updated_at: Date;
  name: string;
}

const RUN_COLUMNS = ['id', 'questionnaire_version', 'status', 'created_at', 'completed_at', 'combined_answers', 'result'] as const;

const RUN_STATUSES = ['open', 'completed'] as const;

const runOf = (r: Pick<Row<'check_runs'>, (typeof RUN_COLUMNS)[number]>): CheckRunRow => ({
  ...r,
  status: storedChoice(RUN_STATUSES, r.status),
  combined_answers: r.combined_answers === null ? null : storedJson<Answers>(r.combined_answers),
  result: r.result === null ? null : storedJson<CheckResult>(r.result),
});

export async function listRuns(db: Db, tenantId: string): Promise<CheckRunRow[]> {
  const rows = await db.selectFrom('check_runs').select(RUN_COLUMNS).where('tenant_id', '=', tenantId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  return rows.map(runOf);
}

export async function findRun(db: Db, tenantId: string, id: string): Promise<CheckRunRow | undefined> {
  const row = await db.selectFrom('check_runs').select(RUN_COLUMNS).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return row ? runOf(row) : undefined;
}

/**
 * The run's status, holding a lock on its row until the transaction ends: answers saved at the same
 * moment are merged one after the other instead of overwriting each other.
 */
export async function lockRun(db: Db, tenantId: string, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('check_runs').select('status').where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().executeTakeFirst();
  return row?.status;
}

export async function findOpenRun(db: Db, tenantId: string) {
  return db.selectFrom('check_runs').select('id').where('tenant_id', '=', tenantId).where('status', '=', 'open').executeTakeFirst();
}

export async function insertRun(db: Db, tenantId: string, userId: string, version: string): Promise<string> {
  const id = uuidv7();
  await db.insertInto('check_runs').values({ tenant_id: tenantId, id, questionnaire_version: version, created_by: userId }).execute();
  return id;
}

export async function completeRun(db: Db, tenantId: string, id: string, userId: string, combined: Answers, result: CheckResult) {
  const done = await db
    .updateTable('check_runs')
    .set({ status: 'completed', completed_at: new Date(), completed_by: userId, combined_answers: JSON.stringify(combined), result: JSON.stringify(result) })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

export async function listResponses(db: Db, tenantId: string, checkId: string): Promise<ResponseRow[]> {
  const rows = await db
    .selectFrom('check_responses as r')
    .select(['r.user_id', 'r.role', 'r.answers', 'r.updated_at'])
    .where('r.tenant_id', '=', tenantId)
    .where('r.check_id', '=', checkId)
    .orderBy('r.updated_at')
    .execute();
  const names = await personNames(db, rows.map((r) => r.user_id));
  return rows
    .filter((r) => names.has(r.user_id))
    .map((r) => ({ ...r, answers: storedJson<Answers>(r.answers), name: names.get(r.user_id)! }));
}

export async function countResponses(db: Db, tenantId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('check_responses')
    .select(['check_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('tenant_id', '=', tenantId)
    .groupBy('check_id')
    .execute();
  return new Map(rows.map((r) => [r.check_id, Number(r.n)]));
}

export async function findResponse(db: Db, tenantId: string, checkId: string, userId: string): Promise<Answers> {
  const row = await db
    .selectFrom('check_responses')
    .select('answers')
    .where('tenant_id', '=', tenantId)
    .where('check_id', '=', checkId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row ? storedJson<Answers>(row.answers) : {};
}

export async function saveResponse(db: Db, tenantId: string, checkId: string, userId: string, role: string, answers: Answers) {
  await db
    .insertInto('check_responses')
    .values({ tenant_id: tenantId, check_id: checkId, user_id: userId, role, answers: JSON.stringify(answers) })
    .onConflict((oc) => oc.columns(['tenant_id', 'check_id', 'user_id']).doUpdateSet({ role, answers: JSON.stringify(answers), updated_at: new Date() }))
    .execute();
}

export async function getPeerOptIn(db: Db, tenantId: string): Promise<boolean> {
  const row = await db.selectFrom('check_settings').select('peer_opt_in').where('tenant_id', '=', tenantId).executeTakeFirst();
  return row?.peer_opt_in === true;
}

export async function setPeerOptIn(db: Db, tenantId: string, optIn: boolean) {
  await db
    .insertInto('check_settings')
    .values({ tenant_id: tenantId, peer_opt_in: optIn })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ peer_opt_in: optIn, updated_at: new Date() }))
    .execute();
}

/**
 * The latest completed result of every opted-in company on this instance, for the anonymous
 * peer comparison. This is the one query of the module that reads across companies; it returns
 * scores and grouping keys only, never names, and the domain rule suppresses groups under 5.
 */
export async function latestOptedInResults(db: Db) {
  const rows = await db
    .selectFrom('check_runs as r')
    .innerJoin('check_settings as s', 's.tenant_id', 'r.tenant_id')
    .select(['r.tenant_id', 'r.completed_at', 'r.result'])
    .where('s.peer_opt_in', '=', true)
    .where('r.status', '=', 'completed')
    .orderBy('r.completed_at', 'desc')
    .execute();
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) if (!latest.has(row.tenant_id)) latest.set(row.tenant_id, row);
  const keys = await companyGroupingKeys(db, [...latest.keys()]);
  return [...latest.values()].filter((r) => keys.has(r.tenant_id)).map((r) => ({
    tenantId: r.tenant_id,
    employees: keys.get(r.tenant_id)!.employees,
    industry: keys.get(r.tenant_id)!.industry,
    result: storedJson<CheckResult>(r.result),
  }));
}
