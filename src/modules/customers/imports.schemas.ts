import { z } from 'zod';
import { companyParams } from '../../kernel/http/company.routes.js';

export const importKinds = ['customers', 'contacts', 'orders'] as const;
/** Largest file accepted (bytes, before base64). */
export const MAX_IMPORT_FILE_BYTES = 10 * 1024 * 1024;

export const importParams = companyParams.extend({ importId: z.uuid({ error: 'must be an import id' }) });

export const importUploadBody = z.strictObject({
  kind: z.enum(importKinds),
  fileName: z.string({ error: 'must be a text' }).trim().min(1, { error: 'must not be empty' }).max(200, { error: 'must be at most 200 characters' }),
  /** the file's bytes, base64 */
  content: z
    .string({ error: 'must be the file as base64' })
    .min(1, { error: 'must not be empty' })
    .max(Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4, { error: 'must be a file of at most 10 MB' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'must be the file as base64' }),
});
export type ImportUploadBody = z.output<typeof importUploadBody>;

export const importMappingBody = z.strictObject({
  /** per column of the file the field it fills, or null */
  mapping: z.array(z.string().max(40).nullable(), { error: 'must be a list of fields per column' }).max(200),
});

export const importRunBody = z.strictObject({
  mode: z.enum(['all-or-nothing', 'good-rows-only']).default('all-or-nothing'),
});
