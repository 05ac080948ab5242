import { getCompany } from '../../../kernel/tenancy/company-store.js';
import { completedChecks } from '../../check/index.js';
import { getPlan } from '../plan.service.js';
import type { RoadmapContext } from '../roadmap-context.js';
import { listSuggestions } from '../suggestions.service.js';
import type { ReportData } from './report-layout.js';
import { renderReportPdf } from './report-pdf.js';

/** Gathers company, the two newest checks, suggestions and plan, and renders the board report. */
export async function buildReport(ctx: RoadmapContext): Promise<Buffer> {
  const [company, checks, suggestions, plan] = await Promise.all([
    getCompany(ctx.db, ctx.tenant.tenantId),
    completedChecks(ctx.db, ctx.tenant.tenantId),
    listSuggestions(ctx),
    getPlan(ctx),
  ]);
  const data: ReportData = {
    lang: ctx.lang,
    createdAt: new Date(),
    company: { name: company?.name ?? '', profile: company?.profile ?? {} },
    latest: checks[0] ?? null,
    previous: checks[1] ?? null,
    suggestions: suggestions.suggestions,
    plan,
  };
  return renderReportPdf(data);
}
