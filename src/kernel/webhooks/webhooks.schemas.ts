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

/**
 * Narrows the subscribed event types by the payload: a dot path into the event's `data` (e.g.
 * `alarm.severity`) → the values accepted there (e.g. `["warning", "critical"]`). An event is sent
 * when every path holds one of its values; `{}` (the default) sends every event of the types.
 */
export const subscriptionFilter = z
  .record(
    z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/, { error: 'must be a dot path such as alarm.severity' }).max(100),
    z.array(z.union([z.string().max(200), z.number(), z.boolean()])).min(1).max(50).transform((s) => [...new Set(s)]),
  )
  .refine((f) => Object.keys(f).length <= 10, { error: 'at most 10 fields' })
  .default({});

export const subscriptionBody = z.strictObject({
  url: webhookUrl,
  description: z.string().trim().max(200).default(''),
  eventTypes: z.array(z.string().max(100)).min(1).max(100).transform((s) => [...new Set(s)]),
  filter: subscriptionFilter,
  active: z.boolean().default(true),
});

export const subscriptionParams = companyParams.extend({ subscriptionId: z.uuid() });

export const deliveryParams = companyParams.extend({ deliveryId: z.uuid() });

export const webhookDeliveriesQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });
