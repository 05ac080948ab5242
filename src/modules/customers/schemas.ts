import { z } from 'zod';
import { companyParams } from '../../kernel/http/company.routes.js';
import { consentChannels, consentPurposes, consentSources, evidenceKinds } from './domain/consent.js';
import { mergeFields } from './domain/merge.js';

// HTTP API contract of the customers module, shared by the routes, the tests and the web pages.

const text = (max: number) => z.string({ error: 'must be a text' }).trim().min(1, { error: 'must not be empty' }).max(max, { error: `must be at most ${max} characters` });
/** An optional text: empty or missing is stored as null. */
const optionalText = (max: number) =>
  z
    .string({ error: 'must be a text' })
    .trim()
    .max(max, { error: `must be at most ${max} characters` })
    .nullish()
    .transform((v) => (v ? v : null));
const timestamp = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 timestamp with time zone, e.g. "2026-03-02T06:00:00+01:00"' });
const email = z
  .string({ error: 'must be a text' })
  .trim()
  .max(254)
  .refine((v) => v === '' || z.email().safeParse(v).success, { error: 'must be an e-mail address' })
  .nullish()
  .transform((v) => (v ? v : null));

export const customerParams = companyParams.extend({ customerId: z.uuid({ error: 'must be a customer id' }) });
export const contactParams = companyParams.extend({ contactId: z.uuid({ error: 'must be a contact id' }) });
export const mergeParams = companyParams.extend({ mergeId: z.uuid({ error: 'must be a merge id' }) });

export const customerBody = z.strictObject({
  name: text(200),
  vatId: optionalText(40),
  industryCode: optionalText(10),
  street: optionalText(200),
  postcode: optionalText(20),
  city: optionalText(100),
  country: z
    .string({ error: 'must be a text' })
    .regex(/^[A-Z]{2}$/, { error: 'must be a two-letter country code such as "DE"' })
    .nullish()
    .transform((v) => v ?? null),
  email,
  phone: optionalText(50),
  website: optionalText(200),
  paymentTermsDays: z.number({ error: 'must be a number' }).int({ error: 'must be whole days' }).min(0).max(365).nullish().transform((v) => v ?? null),
  salesOwnerId: z.uuid({ error: 'must be a member id' }).nullish().transform((v) => v ?? null),
});
export type CustomerBody = z.output<typeof customerBody>;

export const createCustomerBody = customerBody.extend({
  /** Create even though likely duplicates were found (the user saw them). */
  confirmDuplicate: z.boolean({ error: 'must be true or false' }).default(false),
});

export const customerSorts = ['name', 'number', 'city', 'createdAt'] as const;
export const customerListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  country: z.string().regex(/^[A-Z]{2}$/).optional(),
  city: z.string().trim().max(100).optional(),
  salesOwnerId: z.uuid().optional(),
  sort: z.enum(customerSorts).default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type CustomerListQuery = z.output<typeof customerListQuery>;

export const contactBody = z.strictObject({
  salutation: optionalText(40),
  firstName: optionalText(100),
  lastName: text(100),
  role: optionalText(100),
  email,
  phone: optionalText(50),
});
export type ContactBody = z.output<typeof contactBody>;

export const consentEventBody = z.strictObject({
  channel: z.enum(consentChannels),
  purpose: z.enum(consentPurposes),
  kind: z.enum(['give', 'decline', 'withdraw']),
  /** when the person declared it; default now. A withdrawal by letter may be dated back. */
  declaredAt: timestamp.optional(),
  source: z.enum(consentSources),
  evidence: z.strictObject({ kind: z.enum(evidenceKinds), reference: text(500) }).nullish().transform((v) => v ?? null),
});
export type ConsentEventBody = z.output<typeof consentEventBody>;

export const withdrawAllBody = z.strictObject({ source: z.enum(consentSources).default('staff') });

export const interactionKinds = ['call', 'visit', 'email', 'note'] as const;
export const interactionBody = z.strictObject({
  kind: z.enum(interactionKinds),
  occurredAt: timestamp.optional(),
  contactId: z.uuid({ error: 'must be a contact id' }).nullish().transform((v) => v ?? null),
  subject: text(200),
  body: z.string({ error: 'must be a text' }).max(20_000).default(''),
});
export type InteractionBody = z.output<typeof interactionBody>;

export const mergeBody = z.strictObject({
  /** the customer that is absorbed into the one in the path */
  absorbedId: z.uuid({ error: 'must be a customer id' }),
  /** per field, which side's value the merged customer keeps (default: the survivor's, gaps filled) */
  choices: z.partialRecord(z.enum(mergeFields), z.enum(['survivor', 'absorbed'])).default({}),
});
export type MergeBody = z.output<typeof mergeBody>;

export const undoMergeBody = z.strictObject({
  /** undo although the merged customer was edited since: those edits are discarded */
  discardEdits: z.boolean().default(false),
});
