import { notFound } from '../../kernel/http/problem.js';
import { getCompany } from '../../kernel/tenancy/company-store.js';
import type { CustomersContext } from './customers.service.js';
import { findCustomer } from './customers.store.js';
import { renderQuotePdf } from './quote-pdf.js';
import { quoteDetail } from './quotes.service.js';

/**
 * The PDF of one version of a quote. A sent version is printed as it was sent (its positions are
 * frozen); the language is the one asked for, else the one it was sent in, else the reader's.
 */
export async function quotePdf(ctx: CustomersContext, quoteId: string, version: number, lang: 'de' | 'en' | undefined, readerLang: 'de' | 'en') {
  const { tenantId } = ctx.tenant;
  const quote = await quoteDetail(ctx.db, tenantId, quoteId);
  const found = quote.versions.find((v) => v.version === version);
  if (!found) throw notFound('quote version');
  const [company, customer] = await Promise.all([getCompany(ctx.db, tenantId), findCustomer(ctx.db, tenantId, quote.customerId)]);
  const language = lang ?? found.language ?? readerLang;
  const pdf = await renderQuotePdf({ lang: language, company: company?.name ?? '', customer: customer!, quote, version: found, now: new Date() });
  const filename = `${language === 'en' ? 'quote' : 'angebot'}-${quote.number}-v${version}.pdf`;
  return { pdf, filename };
}
