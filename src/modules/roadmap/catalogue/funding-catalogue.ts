import data from './funding-2026.1.json' with { type: 'json' };
import { parseFundingCatalogue } from './funding-schema.js';

/** The seeded funding catalogue (version 2026.1): historical examples, validated on load. */
export const fundingCatalogue = parseFundingCatalogue(data);
