import { z } from 'zod';
import { companyParams } from '../http/company.routes.js';

/** http or https only; no user name or password in the URL (it would show in lists and logs). */
const webhookUrl = z
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

export const subscriptionBody = z.strictObject({
  url: webhookUrl,
  description: z.string().trim().max(200).default(''),
  eventTypes: z.array(z.string().max(100)).min(1).max(100).transform((s) => [...new Set(s)]),
  active: z.boolean().default(true),
});

export const subscriptionParams = companyParams.extend({ subscriptionId: z.uuid() });

export const webhookDeliveriesQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });
