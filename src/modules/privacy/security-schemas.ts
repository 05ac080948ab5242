import { z } from 'zod';
import { companyParams } from '../../kernel/http/company.routes.js';
import { SECURITY_REQUIREMENTS } from './domain/security-catalogue.js';
import { CONCEPT_SECTIONS } from './domain/security-concept.js';
import { SECURITY_ANSWERS } from './domain/security-score.js';

// HTTP API contract of the IT-security check and the security concept.

const ids = SECURITY_REQUIREMENTS.map((q) => q.id) as [string, ...string[]];
export const securityRequirementParams = companyParams.extend({ securityRequirementId: z.enum(ids, { error: 'must be a requirement of the security check' }) });
export const conceptSectionParams = companyParams.extend({ sectionKey: z.enum(CONCEPT_SECTIONS, { error: `must be one of ${CONCEPT_SECTIONS.join(', ')}` }) });

export const answerBody = z.strictObject({
  answer: z.enum(SECURITY_ANSWERS, { error: `must be one of ${SECURITY_ANSWERS.join(', ')}` }).nullable(),
  note: z.string({ error: 'must be a text' }).trim().max(2000, { error: 'must be at most 2000 characters' }).nullish().transform((v) => (v ? v : null)),
});

export const sectionBody = z.strictObject({
  text: z.string({ error: 'must be a text' }).trim().min(1, { error: 'must not be empty' }).max(20_000, { error: 'must be at most 20000 characters' }).nullable(),
});

export type { SecurityCheckView } from './security-check.service.js';
export type { ConceptView, MyConceptView } from './security-concept.service.js';
