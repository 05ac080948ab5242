import { z } from 'zod';
import { companyParams } from '../../kernel/http/company.routes.js';

// HTTP contract of retention enforcement, shared by the routes, the tests and the web page.

/** A period rule is named `<module>.<rule>`, e.g. `shopfloor.booking-person`. */
export const retentionRuleParams = companyParams.extend({
  ruleKey: z.string().regex(/^[a-z][a-z0-9-]{0,40}\.[a-z][a-z0-9-]{0,60}$/, { error: 'must be a rule key such as shopfloor.booking-person' }),
});

export const retentionPeriodBody = z.strictObject({
  months: z.number({ error: 'must be a number' }),
});

export const retentionEnforcementBody = z.strictObject({
  enforced: z.boolean({ error: 'must be true or false' }),
  pauseReason: z.string({ error: 'must be a text' }).trim().max(1000, { error: 'must be at most 1000 characters' }).nullish().transform((v) => (v ? v : null)),
});
