import { z } from 'zod';
import { companyParams } from '../../kernel/http/company.routes.js';

export const severitySchema = z.enum(['info', 'warning', 'critical']);

export const notificationSettingsBody = z.strictObject({
  severities: z.array(severitySchema).max(3).transform((s) => severitySchema.options.filter((o) => s.includes(o))),
  memberIds: z.array(z.uuid()).max(200).transform((s) => [...new Set(s)]),
  addresses: z.array(z.email({ error: 'must be an e-mail address' }).max(320)).max(50).transform((s) => [...new Set(s.map((a) => a.trim()))]),
});

export const notificationsQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(30) });

export const deliveriesQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });

/** Read up to this moment (the newest notification shown); default: now. */
export const markReadBody = z.strictObject({ until: z.iso.datetime({ offset: true }).optional() });
