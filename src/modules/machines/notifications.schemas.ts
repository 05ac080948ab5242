import { z } from 'zod';
import { companyParams } from '../../kernel/http/company.routes.js';

export const severitySchema = z.enum(['info', 'warning', 'critical']);

export const notificationSettingsBody = z.strictObject({
  severities: z.array(severitySchema).max(3).transform((s) => severitySchema.options.filter((o) => s.includes(o))),
  memberIds: z.array(z.uuid()).max(200).transform((s) => [...new Set(s)]),
  addresses: z.array(z.email({ error: 'must be an e-mail address' }).max(320)).max(50).transform((s) => [...new Set(s.map((a) => a.trim()))]),
});

/** http or https only; no user name or password in the URL (it would show in lists and logs). */
export const webhookUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
  .max(2000)
  .refine((u) => {
    try {
      const url = new URL(u);
      return !url.username && !url.password;
    } catch {
      return true; // reported by the URL check already
    }
  }, { error: 'must not contain a user name or password; the signature authenticates the sender' });

export const webhookBody = z.strictObject({
  url: webhookUrl,
  description: z.string().trim().max(200).default(''),
  enabled: z.boolean().default(true),
});

export const webhookParams = companyParams.extend({ webhookId: z.uuid() });

export const notificationsQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(30) });

export const deliveriesQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });

/** Read up to this moment (the newest notification shown); default: now. */
export const markReadBody = z.strictObject({ until: z.iso.datetime({ offset: true }).optional() });
