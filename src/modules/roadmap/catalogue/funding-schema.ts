import { z } from 'zod';
import { localizedTextSchema, MEASURE_KINDS, sourceSchema } from './measure-schema.js';

/** `EU`, a country (`DE`, `AT`) or a state/province as ISO 3166-2 (`DE-BY`, `AT-5`). */
export const regionSchema = z.string().regex(/^(EU|[A-Z]{2}(-[A-Z0-9]{1,3})?)$/, 'region is EU, a country code or an ISO 3166-2 subdivision');

const isoDate = z.iso.date();

export const fundingProgrammeSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    name: z.string().min(1),
    provider: z.string().min(1),
    regions: z.array(regionSchema).min(1),
    /** Kinds of measures it funds (the same kinds measures declare). */
    kinds: z.array(z.enum(MEASURE_KINDS)).min(1),
    fundingRate: z.strictObject({
      /** Highest share of costs covered, when known; null when the source does not say. */
      percentMax: z.number().min(0).max(100).nullable(),
      text: localizedTextSchema,
    }),
    validFrom: isoDate.nullable(),
    validUntil: isoDate.nullable(),
    link: z.url().nullable(),
    /** True for programmes taken from the seed documents: examples whose validity must be checked. */
    historical: z.boolean(),
    note: localizedTextSchema,
    sources: z.array(sourceSchema).min(1),
  })
  .refine((p) => !p.validFrom || !p.validUntil || p.validFrom <= p.validUntil, 'validFrom must not be after validUntil');
export type FundingProgramme = z.infer<typeof fundingProgrammeSchema>;

export const fundingCatalogueSchema = z
  .strictObject({
    version: z.string().regex(/^\d{4}\.\d+$/),
    programmes: z.array(fundingProgrammeSchema),
  })
  .refine((c) => new Set(c.programmes.map((p) => p.id)).size === c.programmes.length, 'programme ids must be unique');
export type FundingCatalogue = z.infer<typeof fundingCatalogueSchema>;

/** Validates funding-catalogue data; throws one error listing every problem. */
export function parseFundingCatalogue(data: unknown): FundingCatalogue {
  const parsed = fundingCatalogueSchema.safeParse(data);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`invalid funding catalogue:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
