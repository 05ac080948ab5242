import { writeAudit } from '../../kernel/audit/audit-log.js';
import { inTransaction } from '../../kernel/db/transaction.js';
import { notFound } from '../../kernel/http/problem.js';
import { fundingCatalogue } from './catalogue/funding-catalogue.js';
import type { FundingCatalogue } from './catalogue/funding-schema.js';
import type { MeasureKind } from './catalogue/measure-schema.js';
import type { RoadmapContext } from './roadmap-context.js';
import * as store from './roadmap.store.js';
import type { FundingBody, FundingProgrammeView } from './schemas.js';
import { validation } from './validation-problem.js';

function toView(row: store.FundingRow): FundingProgrammeView {
  return {
    id: row.id,
    seedId: row.seed_id,
    name: row.name,
    provider: row.provider,
    regions: row.regions,
    kinds: row.kinds as MeasureKind[],
    percentMax: row.percent_max === null ? null : Number(row.percent_max),
    rateText: row.rate_text,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    link: row.link,
    historical: row.historical,
    note: row.note,
  };
}

/** The company's catalogue; on first use it is seeded with the historical examples of the source documents. */
export async function listFunding(ctx: RoadmapContext): Promise<FundingProgrammeView[]> {
  const { db, tenant } = ctx;
  if (await store.claimFundingSeed(db, tenant.tenantId)) {
    await store.insertFunding(
      db,
      tenant.tenantId,
      fundingCatalogue.programmes.map((p) => ({
        seed_id: p.id,
        name: p.name,
        provider: p.provider,
        regions: p.regions,
        kinds: p.kinds,
        percent_max: p.fundingRate.percentMax,
        rate_text: p.fundingRate.text,
        valid_from: p.validFrom,
        valid_until: p.validUntil,
        link: p.link,
        historical: p.historical,
        note: p.note,
      })),
    );
  }
  return (await store.listFunding(db, tenant.tenantId)).map(toView);
}

/** The company's programmes in the shape the matching rule reads. */
export function asCatalogue(programmes: FundingProgrammeView[]): FundingCatalogue {
  return {
    version: 'company',
    programmes: programmes.map((p) => ({
      id: p.id,
      name: p.name,
      provider: p.provider,
      regions: p.regions,
      kinds: p.kinds,
      fundingRate: { percentMax: p.percentMax, text: p.rateText },
      validFrom: p.validFrom,
      validUntil: p.validUntil,
      link: p.link,
      historical: p.historical,
      note: p.note,
      sources: [],
    })),
  };
}

const text = (value: string | null | undefined) => ({ de: value ?? '', en: value ?? '' });

function toValues(body: Partial<FundingBody>): Partial<store.FundingValues> {
  const values: Partial<store.FundingValues> = {};
  if (body.name !== undefined) values.name = body.name;
  if (body.provider !== undefined) values.provider = body.provider;
  if (body.regions !== undefined) values.regions = body.regions;
  if (body.kinds !== undefined) values.kinds = body.kinds;
  if (body.percentMax !== undefined) values.percent_max = body.percentMax;
  if (body.rateText !== undefined) values.rate_text = text(body.rateText);
  if (body.validFrom !== undefined) values.valid_from = body.validFrom;
  if (body.validUntil !== undefined) values.valid_until = body.validUntil;
  if (body.link !== undefined) values.link = body.link;
  if (body.note !== undefined) values.note = text(body.note);
  return values;
}

function checkDates(validFrom: string | null | undefined, validUntil: string | null | undefined) {
  if (validFrom && validUntil && validFrom > validUntil) {
    return [{ path: 'body.validUntil', message: 'validUntil must not be before validFrom' }];
  }
  return [];
}

export async function addFunding(ctx: RoadmapContext, body: FundingBody): Promise<FundingProgrammeView> {
  const errors = checkDates(body.validFrom, body.validUntil);
  if (errors.length) throw validation(errors);
  await listFunding(ctx);
  const values = { seed_id: null, historical: false, percent_max: null, rate_text: text(null), valid_from: null, valid_until: null, link: null, note: text(null), ...toValues(body) } as store.FundingValues;
  const id = await inTransaction(ctx.db, async (db) => {
    const [added] = await store.insertFunding(db, ctx.tenant.tenantId, [values]);
    await writeAudit(db, { tenantId: ctx.tenant.tenantId, actorId: ctx.tenant.userId, action: 'roadmap.funding_added', target: added, details: { name: body.name } });
    return added;
  });
  return toView((await store.findFunding(ctx.db, ctx.tenant.tenantId, id!))!);
}

export async function updateFunding(ctx: RoadmapContext, id: string, body: Partial<FundingBody>): Promise<FundingProgrammeView> {
  const current = await store.findFunding(ctx.db, ctx.tenant.tenantId, id);
  if (!current) throw notFound('funding');
  const errors = checkDates(body.validFrom !== undefined ? body.validFrom : current.valid_from, body.validUntil !== undefined ? body.validUntil : current.valid_until);
  if (errors.length) throw validation(errors);
  const values = toValues(body);
  // nothing to change (`{}`): answered with the programme as it is, and not audited
  if (Object.keys(values).length === 0) return toView(current);
  await inTransaction(ctx.db, async (db) => {
    await store.updateFunding(db, ctx.tenant.tenantId, id, values);
    await writeAudit(db, { tenantId: ctx.tenant.tenantId, actorId: ctx.tenant.userId, action: 'roadmap.funding_changed', target: id, details: { name: body.name ?? current.name, fields: Object.keys(body) } });
  });
  return toView((await store.findFunding(ctx.db, ctx.tenant.tenantId, id))!);
}

export async function deleteFunding(ctx: RoadmapContext, id: string): Promise<void> {
  const current = await store.findFunding(ctx.db, ctx.tenant.tenantId, id);
  if (!current) throw notFound('funding');
  await inTransaction(ctx.db, async (db) => {
    await store.deleteFunding(db, ctx.tenant.tenantId, id);
    await writeAudit(db, { tenantId: ctx.tenant.tenantId, actorId: ctx.tenant.userId, action: 'roadmap.funding_deleted', target: id, details: { name: current.name } });
  });
}
