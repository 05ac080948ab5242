import { type Sample, type SampleValue, MAX_STRING_LENGTH, POINT_NAME, parseTelemetryText } from './payload.js';

/**
 * How messages of an external MQTT broker become samples.
 *
 * `topic` is a pattern of `/`-separated segments: literal text, `+` (any one segment),
 * `{machine}` (the machine's key, looked up in `machineKeys`), `{point}` (the data point's name)
 * and, last only, `#` (any rest). The broker is subscribed to the pattern with the placeholders
 * replaced by `+`.
 *
 * `payload`:
 * - `json`: the Werkverbund JSON `{"ts", "values"}` (or an array of them), times from the message;
 * - `value`: one bare value per message — a number, `true`/`false` or a text — for the point
 *   named by `{point}` (or the fixed `point`), at the time the message was received.
 *
 * Without `{machine}` every message goes to `machineId`.
 */
export interface TopicMapping {
  topic: string;
  payload: 'json' | 'value';
  machineId: string | null;
  point: string | null;
  machineKeys: Array<{ key: string; machineId: string }>;
}

export const MACHINE = '{machine}';
export const POINT = '{point}';
const LITERAL = /^[^+#{}]+$/;

/** Why a pattern is unusable, or null when it is fine. */
export function patternError(pattern: string): string | null {
  if (pattern.length === 0 || pattern.length > 500) return 'must have 1 to 500 characters';
  const segments = pattern.split('/');
  for (const [i, s] of segments.entries()) {
    if (s === '#') {
      if (i !== segments.length - 1) return '"#" may only be the last segment';
    } else if (s !== '+' && s !== MACHINE && s !== POINT && !LITERAL.test(s)) {
      return `segment "${s}" must be text, "+", "#", "{machine}" or "{point}"`;
    }
  }
  if (segments.filter((s) => s === MACHINE).length > 1 || segments.filter((s) => s === POINT).length > 1) return '"{machine}" and "{point}" may each appear once';
  return null;
}

/** The MQTT topic filter to subscribe to. */
export const subscriptionFilter = (pattern: string): string =>
  pattern
    .split('/')
    .map((s) => (s === MACHINE || s === POINT ? '+' : s))
    .join('/');

/** The placeholders' values when `topic` matches the pattern, else null. */
export function matchTopic(pattern: string, topic: string): { machine?: string; point?: string } | null {
  const want = pattern.split('/');
  const have = topic.split('/');
  const found: { machine?: string; point?: string } = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i];
    if (w === '#') return found;
    if (i >= have.length) return null;
    const h = have[i];
    if (w === MACHINE) found.machine = h;
    else if (w === POINT) found.point = h;
    else if (w !== '+' && w !== h) return null;
  }
  return have.length === want.length ? found : null;
}

/** A bare payload as a value: a number, `true`/`false`, or else the text itself. */
export function parseBareValue(text: string): SampleValue | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  if (t === 'true' || t === 'false') return t === 'true';
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) {
    const n = Number(t);
    return Number.isFinite(n) ? n : undefined;
  }
  return t.length <= MAX_STRING_LENGTH ? t : undefined;
}

export type MappedMessage = { ok: true; machineId: string; samples: Sample[] } | { ok: false; error: string };

/** Turns one received message into samples of one machine, or says why it cannot. */
export function mapMessage(mapping: TopicMapping, topic: string, payload: Uint8Array, receivedAt: number, notAfter: number): MappedMessage {
  const found = matchTopic(mapping.topic, topic);
  if (!found) return { ok: false, error: `topic "${topic}" does not match "${mapping.topic}"` };
  let machineId = mapping.machineId;
  if (found.machine !== undefined) {
    machineId = mapping.machineKeys.find((k) => k.key === found.machine)?.machineId ?? null;
    if (!machineId) return { ok: false, error: `no machine has the key "${found.machine}" (topic "${topic}")` };
  }
  if (!machineId) return { ok: false, error: 'no machine chosen' };
  if (mapping.payload === 'json') {
    const parsed = parseTelemetryText(payload, { notAfter });
    if (!parsed.ok) return { ok: false, error: parsed.errors.map((e) => `${e.path || 'payload'}: ${e.message}`).join('; ') };
    return { ok: true, machineId, samples: parsed.samples };
  }
  const point = found.point ?? mapping.point;
  if (!point || !POINT_NAME.test(point)) return { ok: false, error: `"${point ?? ''}" is not a valid data point name (topic "${topic}")` };
  const value = parseBareValue(Buffer.from(payload).toString('utf8'));
  if (value === undefined) return { ok: false, error: `payload of "${topic}" is empty or too long` };
  return { ok: true, machineId, samples: [{ point, ts: receivedAt, value }] };
}
