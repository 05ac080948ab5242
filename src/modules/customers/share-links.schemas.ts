import { z } from 'zod';
import { companyParams } from '../../kernel/http/company.routes.js';
import { DEFAULT_VALID_DAYS, MAX_VALID_DAYS } from './domain/share-link.js';

// HTTP API contract of the customer links (issue 16, item 6), shared by the routes, the tests and the web pages.

/**
 * The sections the firm can tick today. State and promised date are always shown; parameters and
 * machine signals come from the production record. Photos are not offered yet: the public page
 * would have to serve the photo files without a session.
 */
export const offeredSections = ['state', 'promised-date', 'operations', 'parameters', 'signals'] as const;
export type OfferedSection = (typeof offeredSections)[number];

export const shareLinkParams = companyParams.extend({ shareLinkId: z.uuid({ error: 'must be a customer link id' }) });

export const createShareLinkBody = z.strictObject({
  validDays: z.int({ error: 'must be a whole number of days' })
    .min(1, { error: 'must be at least 1 day' })
    .max(MAX_VALID_DAYS, { error: `must be at most ${MAX_VALID_DAYS} days` })
    .default(DEFAULT_VALID_DAYS),
  sections: z.array(z.enum(offeredSections, { error: `must be one of ${offeredSections.join(', ')}` }))
    .max(offeredSections.length, { error: `at most ${offeredSections.length} sections` })
    .default([]),
});
export type CreateShareLinkBody = z.output<typeof createShareLinkBody>;

export const shareLinkViewsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/** The token of the public page: checked by the domain, so a malformed one answers the same 404 as an unknown one. */
export const publicShareParams = z.object({ token: z.string().max(200) });
