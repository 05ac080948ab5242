import { z } from 'zod';
import { FEDERAL_STATES, PRODUCT_COMPLEXITIES, SERIES_TYPES, STUDY_REGIONS, VALUE_CHAIN_POSITIONS } from './profile-options.js';

export * from './profile-options.js';

/** WZ 2008 divisions are two-digit codes 01–99. */
export const wzDivisionSchema = z.string().regex(/^\d{2}$/, 'industry must be a two-digit WZ 2008 division');

export const companyProfileSchema = z.object({
  employees: z.number().int().min(1).max(1_000_000).optional(),
  industry: wzDivisionSchema.optional(),
  valueChain: z.enum(VALUE_CHAIN_POSITIONS).optional(),
  series: z.enum(SERIES_TYPES).optional(),
  complexity: z.enum(PRODUCT_COMPLEXITIES).optional(),
  state: z.enum(FEDERAL_STATES).optional(),
  region: z.enum(STUDY_REGIONS).optional(),
});

export type CompanyProfile = z.infer<typeof companyProfileSchema>;
