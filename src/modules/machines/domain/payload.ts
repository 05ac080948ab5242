import { z } from 'zod';

/** A value a machine reports for one data point. */
export type SampleValue = number | boolean | string;

/** One value of one data point at one instant (epoch milliseconds, UTC). */
export interface Sample {
  point: string;
  ts: number;
  value: SampleValue;
}

export interface PayloadError {
  /** Dotted path into the payload, e.g. `2.values.temp`; empty for the whole payload. */
  path: string;
  message: string;
}

export type ParseResult = { ok: true; samples: Sample[] } | { ok: false; errors: PayloadError[] };

/** Earliest and latest accepted time: 2001-09-09 and 2100-01-01 (epoch ms). */
export const MIN_TS = 1_000_000_000_000;
export const MAX_TS = 4_102_444_800_000;
export const MAX_MESSAGES = 10_000;
export const MAX_STRING_LENGTH = 1_000;
export const POINT_NAME = /^[A-Za-z0-9][A-Za-z0-9_.:/-]{0,99}$/;

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const tsSchema = z.union([z.number(), z.string()], { error: 'must be an ISO 8601 time with offset or epoch milliseconds' }).transform((raw, ctx) => {
  let ms: number;
  if (typeof raw === 'number') {
    if (!Number.isInteger(raw)) {
      ctx.addIssue({ code: 'custom', message: 'must be whole epoch milliseconds' });
      return z.NEVER;
    }
    if (raw > 0 && raw < MIN_TS) {
      ctx.addIssue({ code: 'custom', message: 'must be epoch milliseconds (this looks like seconds: multiply by 1000)' });
      return z.NEVER;
    }
    ms = raw;
  } else {
    if (!ISO_WITH_OFFSET.test(raw)) {
      ctx.addIssue({ code: 'custom', message: 'must be an ISO 8601 time with offset, e.g. 2026-03-01T08:15:00Z or 2026-03-01T09:15:00+01:00' });
      return z.NEVER;
    }
    ms = Date.parse(raw);
    if (Number.isNaN(ms)) {
      ctx.addIssue({ code: 'custom', message: 'is not a valid date and time' });
      return z.NEVER;
    }
  }
  if (ms < MIN_TS || ms >= MAX_TS) {
    ctx.addIssue({ code: 'custom', message: 'must lie between 2001-09-09 and 2100-01-01' });
    return z.NEVER;
  }
  return ms;
});

const valueSchema = z.union(
  [
    z.number().refine(Number.isFinite, { error: 'must be a finite number' }),
    z.boolean(),
    z.string().max(MAX_STRING_LENGTH, { error: `text values may have at most ${MAX_STRING_LENGTH} characters` }),
  ],
  { error: 'must be a number, true/false or a text' },
);

const valuesSchema = z
  .record(z.string(), valueSchema, { error: 'must be an object of data point names and values' })
  .superRefine((values, ctx) => {
    const names = Object.keys(values);
    if (names.length === 0) ctx.addIssue({ code: 'custom', message: 'must contain at least one data point' });
    for (const name of names) {
      if (!POINT_NAME.test(name)) {
        ctx.addIssue({ code: 'custom', path: [name], message: 'data point names start with a letter or digit and use only letters, digits and _ . : / - (at most 100 characters)' });
      }
    }
  });

export const telemetryMessageSchema = z.strictObject(
  { ts: tsSchema, values: valuesSchema },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}: a message has only "ts" and "values"`
        : 'must be an object {"ts": …, "values": {…}}',
  },
);

export const telemetryPayloadSchema = z.union([
  telemetryMessageSchema,
  z.array(telemetryMessageSchema).min(1, { error: 'must contain at least one message' }).max(MAX_MESSAGES, { error: `may contain at most ${MAX_MESSAGES} messages` }),
]);

function issuesToErrors(error: z.ZodError): PayloadError[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/**
 * Validates a decoded telemetry payload — `{"ts", "values"}` or a non-empty array of those — and
 * flattens it into samples. The same point at the same instant is kept once (the first one).
 */
export function parseTelemetry(payload: unknown, options: { notAfter?: number } = {}): ParseResult {
  // Parse by shape so that errors name the real field instead of "no union member matched".
  const schema = Array.isArray(payload) ? telemetryPayloadSchema.options[1] : telemetryMessageSchema;
  const parsed = schema.safeParse(payload);
  if (!parsed.success) return { ok: false, errors: issuesToErrors(parsed.error) };
  const messages = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
  if (options.notAfter !== undefined) {
    const errors = messages.flatMap((m, i) =>
      m.ts > options.notAfter! ? [{ path: Array.isArray(parsed.data) ? `${i}.ts` : 'ts', message: 'lies too far in the future: check the device clock' }] : [],
    );
    if (errors.length > 0) return { ok: false, errors };
  }
  const seen = new Set<string>();
  const samples: Sample[] = [];
  for (const message of messages) {
    for (const [point, value] of Object.entries(message.values)) {
      const key = `${point}\u0000${message.ts}`;
      if (seen.has(key)) continue;
      seen.add(key);
      samples.push({ point, ts: message.ts, value });
    }
  }
  return { ok: true, samples };
}

/** Like {@link parseTelemetry}, from the raw bytes of an MQTT payload or HTTP body. */
export function parseTelemetryText(text: string | Uint8Array, options: { notAfter?: number } = {}): ParseResult {
  const source = typeof text === 'string' ? text : Buffer.from(text).toString('utf8');
  let decoded: unknown;
  try {
    decoded = JSON.parse(source);
  } catch (error) {
    return { ok: false, errors: [{ path: '', message: `is not valid JSON: ${(error as Error).message}` }] };
  }
  return parseTelemetry(decoded, options);
}
