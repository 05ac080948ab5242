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

interface Message {
  ts: number;
  values: Record<string, SampleValue>;
}

const isPlainObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && Object.getPrototypeOf(x) === Object.prototype;

/** Epoch ms of a valid `ts`, or undefined (then the schema decides and names the error). */
function fastTs(ts: unknown): number | undefined {
  let ms: number;
  if (typeof ts === 'number') {
    if (!Number.isInteger(ts)) return undefined;
    ms = ts;
  } else if (typeof ts === 'string' && ISO_WITH_OFFSET.test(ts)) ms = Date.parse(ts);
  else return undefined;
  return ms >= MIN_TS && ms < MAX_TS ? ms : undefined;
}

/**
 * The schema's result for a message it accepts as it is (a plain object with exactly `ts` and
 * `values`, valid names and values), checked by hand because the schema costs several times more
 * per message; undefined for everything else, which then goes through the schema.
 */
function fastMessage(m: unknown): Message | undefined {
  if (!isPlainObject(m)) return undefined;
  for (const key in m) if (key !== 'ts' && key !== 'values') return undefined;
  const ts = fastTs(m.ts);
  const values = m.values;
  if (ts === undefined || !isPlainObject(values)) return undefined;
  let points = 0;
  for (const name in values) {
    const v = values[name];
    if (typeof v === 'number' ? !Number.isFinite(v) : typeof v === 'string' ? v.length > MAX_STRING_LENGTH : typeof v !== 'boolean') return undefined;
    if (!POINT_NAME.test(name)) return undefined;
    points++;
  }
  return points > 0 ? { ts, values: values as Record<string, SampleValue> } : undefined;
}

function fastMessages(payload: unknown): Message[] | undefined {
  if (!Array.isArray(payload)) {
    const m = fastMessage(payload);
    return m && [m];
  }
  if (payload.length === 0 || payload.length > MAX_MESSAGES) return undefined;
  const messages: Message[] = [];
  for (const item of payload) {
    const m = fastMessage(item);
    if (!m) return undefined;
    messages.push(m);
  }
  return messages;
}

/**
 * Validates a decoded telemetry payload — `{"ts", "values"}` or a non-empty array of those — and
 * flattens it into samples. The same point at the same instant is kept once (the first one).
 */
export function parseTelemetry(payload: unknown, options: { notAfter?: number } = {}): ParseResult {
  const messages = fastMessages(payload);
  return messages ? samplesOf(messages, Array.isArray(payload), options) : parseTelemetryWithSchema(payload, options);
}

/** {@link parseTelemetry} through the schema alone: the reference the fast path is tested against. */
export function parseTelemetryWithSchema(payload: unknown, options: { notAfter?: number } = {}): ParseResult {
  // Parse by shape so that errors name the real field instead of "no union member matched".
  const schema = Array.isArray(payload) ? telemetryPayloadSchema.options[1] : telemetryMessageSchema;
  const parsed = schema.safeParse(payload);
  if (!parsed.success) return { ok: false, errors: issuesToErrors(parsed.error) };
  return samplesOf(Array.isArray(parsed.data) ? parsed.data : [parsed.data], Array.isArray(payload), options);
}

function samplesOf(messages: readonly Message[], inArray: boolean, options: { notAfter?: number }): ParseResult {
  if (options.notAfter !== undefined) {
    const errors = messages.flatMap((m, i) => (m.ts > options.notAfter! ? [{ path: inArray ? `${i}.ts` : 'ts', message: 'lies too far in the future: check the device clock' }] : []));
    if (errors.length > 0) return { ok: false, errors };
  }
  const samples: Sample[] = [];
  // Within one message every point occurs once; only several messages can repeat a point and instant.
  const seen = messages.length > 1 ? new Set<string>() : undefined;
  for (const message of messages) {
    for (const point in message.values) {
      if (seen) {
        const key = `${point}\u0000${message.ts}`;
        if (seen.has(key)) continue;
        seen.add(key);
      }
      samples.push({ point, ts: message.ts, value: message.values[point] });
    }
  }
  return { ok: true, samples };
}

/** Like {@link parseTelemetry}, from the raw bytes of an MQTT payload or HTTP body. */
export function parseTelemetryText(text: string | Uint8Array, options: { notAfter?: number } = {}): ParseResult {
  const source = typeof text === 'string' ? text : Buffer.from(text.buffer, text.byteOffset, text.byteLength).toString('utf8');
  let decoded: unknown;
  try {
    decoded = JSON.parse(source);
  } catch (error) {
    return { ok: false, errors: [{ path: '', message: `is not valid JSON: ${(error as Error).message}` }] };
  }
  return parseTelemetry(decoded, options);
}
