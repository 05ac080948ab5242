import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { companyParams } from '../../kernel/http/company.routes.js';
import { requirePermission, tenantOf } from '../../kernel/http/guards.js';
import { type Table, XLSX_CONTENT_TYPE, csvFormat, toCsv, writeXlsx } from '../../kernel/tabular/index.js';
import type { CustomersContext } from './customers.service.js';
import { contactsTable, customerOrdersTable, customersTable, quotesTable } from './list-exports.js';
import { customerOrderListQuery, quoteListQuery } from './quotes.schemas.js';
import { customerListQuery, customerParams } from './schemas.js';

const lang = z.enum(['de', 'en'], { error: 'must be "de" or "en"' }).optional();
const withoutPaging = <T extends z.ZodObject>(query: T) => query.omit({ limit: true, offset: true } as never).extend({ lang });
const customersExportQuery = withoutPaging(customerListQuery);
const quotesExportQuery = withoutPaging(quoteListQuery);
const ordersExportQuery = withoutPaging(customerOrderListQuery);
const langQuery = z.strictObject({ lang });

/** Every list of the module as CSV (German ";" and decimal comma, or English ",") and XLSX, with the list's filters. */
export const listExportsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.wv;
  const ctx = (request: FastifyRequest): CustomersContext => ({ db, tenant: tenantOf(request) });
  const base = '/companies/:companyId';
  const tags = ['customers'];
  const read = requirePermission('customers.read');
  const sales = requirePermission('customers.sales');
  const languageOf = (request: FastifyRequest & { query: { lang?: 'de' | 'en' } }) => request.query.lang ?? (request.locale === 'en' ? 'en' : 'de');

  const send = async (reply: FastifyReply, table: Table, name: string, format: 'csv' | 'xlsx', locale: 'de' | 'en') => {
    const file = `${name}.${format}`;
    if (format === 'csv') return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file}"`).send(toCsv(table, csvFormat(locale)));
    return reply.type(XLSX_CONTENT_TYPE).header('content-disposition', `attachment; filename="${file}"`).send(await writeXlsx([{ name, ...table }], locale));
  };

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`${base}/customers.${format}`, {
      onRequest: read,
      schema: { tags, summary: `The customer list as ${format.toUpperCase()} with its search, filters and sort, every page`, params: companyParams, querystring: customersExportQuery },
    }, async (request, reply) => {
      const locale = languageOf(request);
      const { lang: _, ...query } = request.query as z.output<typeof customersExportQuery>;
      return send(reply, await customersTable(ctx(request), query as never, locale), locale === 'de' ? 'kunden' : 'customers', format, locale);
    });

    app.get(`${base}/customers/:customerId/contacts.${format}`, {
      onRequest: read,
      schema: { tags, summary: `A customer's contacts as ${format.toUpperCase()} (erased ones left out)`, params: customerParams, querystring: langQuery },
    }, async (request, reply) => {
      const locale = languageOf(request);
      return send(reply, await contactsTable(ctx(request), request.params.customerId, locale), locale === 'de' ? 'ansprechpartner' : 'contacts', format, locale);
    });

    app.get(`${base}/quotes.${format}`, {
      onRequest: sales,
      schema: { tags, summary: `The quote list as ${format.toUpperCase()} with its search, filters and sort, every page`, params: companyParams, querystring: quotesExportQuery },
    }, async (request, reply) => {
      const locale = languageOf(request);
      const { lang: _, ...query } = request.query as z.output<typeof quotesExportQuery>;
      return send(reply, await quotesTable(ctx(request), query as never, locale), locale === 'de' ? 'angebote' : 'quotes', format, locale);
    });

    app.get(`${base}/customer-orders.${format}`, {
      onRequest: read,
      schema: { tags, summary: `The customer order list as ${format.toUpperCase()} with its search, filters and sort, every page`, params: companyParams, querystring: ordersExportQuery },
    }, async (request, reply) => {
      const locale = languageOf(request);
      const { lang: _, ...query } = request.query as z.output<typeof ordersExportQuery>;
      return send(reply, await customerOrdersTable(ctx(request), query as never, locale), locale === 'de' ? 'kundenauftraege' : 'customer-orders', format, locale);
    });
  }
};
