/**
 * Consent per contact × channel × purpose, kept as an append-only history of events. The state at
 * any moment is derived from the history; nothing is ever overwritten, so the firm can show what it
 * knew and what held when it contacted someone (GDPR Art. 7 (1): the controller proves consent).
 */

export const consentChannels = ['email', 'phone', 'letter'] as const;
export type ConsentChannel = (typeof consentChannels)[number];

export const consentPurposes = ['newsletter', 'product-information', 'events', 'surveys'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];

export type ConsentState = 'not-asked' | 'given' | 'declined' | 'withdrawn';
export type ConsentEventKind = 'give' | 'decline' | 'withdraw';

export const consentSources = ['web-form', 'signed-form', 'phone-call', 'in-person', 'email', 'letter', 'import', 'unsubscribe-link', 'customer-link', 'staff'] as const;
export type ConsentSource = (typeof consentSources)[number];

export const evidenceKinds = ['signed-document', 'double-opt-in', 'call-note', 'email-message', 'import-file', 'other'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

export interface ConsentEvidence {
  kind: EvidenceKind;
  /** what identifies the evidence: a stored file id, a message id, an import run id */
  reference: string;
}

export interface ConsentKey {
  contactId: string;
  channel: ConsentChannel;
  purpose: ConsentPurpose;
}

export interface ConsentEvent extends ConsentKey {
  id: string;
  kind: ConsentEventKind;
  /** when the declaration was made (epoch ms) — may lie before `recordedAt` for a withdrawal by letter */
  at: number;
  /** when the firm recorded it (epoch ms) */
  recordedAt: number;
  source: ConsentSource;
  evidence: ConsentEvidence | null;
}

export type ConsentRefusal =
  | 'evidence-required'
  | 'effective-in-future'
  | 'out-of-order'
  | 'decline-after-consent'
  | 'already-given';

/**
 * Which channels allow marketing without an opt-in until the person objects. German law (UWG §7)
 * allows advertising letters unless the recipient objected, but demands prior express consent for
 * e-mail and for calls; a firm can make letters opt-in too.
 */
export interface ConsentPolicy {
  optOutChannels: readonly ConsentChannel[];
}
export const germanConsentPolicy: ConsentPolicy = { optOutChannels: ['letter'] };

/** At one instant, the restrictive declaration wins: withdrawal before decline before consent. */
const precedence: Record<ConsentEventKind, number> = { give: 0, decline: 1, withdraw: 2 };

const sameKey = (a: ConsentKey, b: ConsentKey) => a.contactId === b.contactId && a.channel === b.channel && a.purpose === b.purpose;

/**
 * The events of one key in effect order: by declaration time, at one instant the restrictive one
 * last (so it wins), then by recording time and id so the order never depends on storage order.
 */
export function effectOrder(history: readonly ConsentEvent[], key: ConsentKey): ConsentEvent[] {
  return history
    .filter((e) => sameKey(e, key))
    .sort((a, b) => a.at - b.at || precedence[a.kind] - precedence[b.kind] || a.recordedAt - b.recordedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const stateOf: Record<ConsentEventKind, ConsentState> = { give: 'given', decline: 'declined', withdraw: 'withdrawn' };

export interface ConsentStatus {
  state: ConsentState;
  /** the event that put the key in this state; null while not asked */
  since: ConsentEvent | null;
}

/**
 * The state of a key at `at`, from the declarations made up to `at`. With `knownAt`, only what had
 * been recorded by then counts — to tell what the firm could know when it acted, next to what
 * held in law (a back-dated withdrawal changes the latter, not the former).
 */
export function consentAt(history: readonly ConsentEvent[], key: ConsentKey, at: number, knownAt?: number): ConsentStatus {
  let status: ConsentStatus = { state: 'not-asked', since: null };
  for (const e of effectOrder(history, key)) {
    if (e.at > at) break;
    if (knownAt !== undefined && e.recordedAt > knownAt) continue;
    status = { state: stateOf[e.kind], since: e };
  }
  return status;
}

export type MarketingDecision =
  | { allowed: true; reason: 'consent-given' | 'opt-out-channel' }
  | { allowed: false; reason: 'withdrawn' | 'declined' | 'not-asked' };

/** Whether a marketing action for `purpose` may reach the contact on `channel` at `at`. */
export function mayMarket(history: readonly ConsentEvent[], key: ConsentKey, at: number, policy: ConsentPolicy = germanConsentPolicy, knownAt?: number): MarketingDecision {
  const { state } = consentAt(history, key, at, knownAt);
  switch (state) {
    case 'given':
      return { allowed: true, reason: 'consent-given' };
    case 'withdrawn':
      return { allowed: false, reason: 'withdrawn' };
    case 'declined':
      return { allowed: false, reason: 'declined' };
    case 'not-asked':
      return policy.optOutChannels.includes(key.channel) ? { allowed: true, reason: 'opt-out-channel' } : { allowed: false, reason: 'not-asked' };
  }
}

export type RecordResult = { ok: true; history: ConsentEvent[]; changed: boolean } | { ok: false; refusal: ConsentRefusal };

/**
 * The history with `event` appended, if the event may be recorded now (`event.recordedAt`):
 * - a consent needs evidence, and neither a consent nor a decline may be dated before the last
 *   declaration of its key (history is not rewritten in favour of marketing);
 * - a withdrawal is always accepted, also back-dated (the person withdrew by letter last week) and
 *   also without a prior consent (an objection); withdrawing twice changes nothing;
 * - a decline is for a question not yet answered or a consent not yet given, not for taking a
 *   consent back (that is a withdrawal);
 * - nothing is dated in the future.
 */
export function recordConsentEvent(history: readonly ConsentEvent[], event: ConsentEvent): RecordResult {
  const refuse = (refusal: ConsentRefusal): RecordResult => ({ ok: false, refusal });
  if (event.at > event.recordedAt) return refuse('effective-in-future');
  const ordered = effectOrder(history, event);
  const last = ordered[ordered.length - 1];
  const now = consentAt(history, event, Number.POSITIVE_INFINITY);
  if (event.kind === 'withdraw') {
    if (now.state === 'withdrawn' && last && last.at <= event.at) return { ok: true, history: [...history], changed: false };
    return { ok: true, history: [...history, event], changed: true };
  }
  if (last && event.at < last.at) return refuse('out-of-order');
  if (event.kind === 'give') {
    if (!event.evidence || event.evidence.reference.trim() === '') return refuse('evidence-required');
    return { ok: true, history: [...history, event], changed: true };
  }
  // decline
  if (now.state === 'given') return refuse('decline-after-consent');
  return { ok: true, history: [...history, event], changed: true };
}

/**
 * "Withdraw everything" in one click: a withdrawal for every channel and purpose of the contact
 * that is not already withdrawn at `at`, with one source. Ids come from `nextId`.
 */
export function withdrawAll(history: readonly ConsentEvent[], contactId: string, at: number, source: ConsentSource, nextId: () => string, channels: readonly ConsentChannel[] = consentChannels): ConsentEvent[] {
  const out: ConsentEvent[] = [];
  for (const channel of channels)
    for (const purpose of consentPurposes) {
      const key = { contactId, channel, purpose };
      if (consentAt(history, key, Number.POSITIVE_INFINITY).state === 'withdrawn') continue;
      out.push({ id: nextId(), ...key, kind: 'withdraw', at, recordedAt: at, source, evidence: null });
    }
  return out;
}

/** The current state of every channel × purpose of a contact, for the contact's consent grid. */
export function consentGrid(history: readonly ConsentEvent[], contactId: string, at: number): Array<ConsentKey & ConsentStatus> {
  return consentChannels.flatMap((channel) => consentPurposes.map((purpose) => ({ contactId, channel, purpose, ...consentAt(history, { contactId, channel, purpose }, at) })));
}
