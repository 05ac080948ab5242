import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ConsentEvent,
  type ConsentEventKind,
  type ConsentKey,
  consentAt,
  consentChannels,
  consentGrid,
  consentPurposes,
  mayMarket,
  recordConsentEvent,
  withdrawAll,
} from './consent.js';

const key: ConsentKey = { contactId: 'c1', channel: 'email', purpose: 'newsletter' };
let n = 0;
const ev = (kind: ConsentEventKind, at: number, recordedAt = at, over: Partial<ConsentEvent> = {}): ConsentEvent => ({
  id: `e${++n}`,
  ...key,
  kind,
  at,
  recordedAt,
  source: 'web-form',
  evidence: kind === 'give' ? { kind: 'double-opt-in', reference: `doi-${n}` } : null,
  ...over,
});

function record(history: ConsentEvent[], e: ConsentEvent): ConsentEvent[] {
  const r = recordConsentEvent(history, e);
  if (!r.ok) throw new Error(r.refusal);
  return r.history;
}

describe('consent states and the marketing rule', () => {
  it('allows e-mail marketing only between a consent and its withdrawal, and again after a new consent', () => {
    let h: ConsentEvent[] = [];
    expect(mayMarket(h, key, 5)).toEqual({ allowed: false, reason: 'not-asked' });
    h = record(h, ev('give', 10));
    h = record(h, ev('withdraw', 20));
    h = record(h, ev('give', 30));
    expect([5, 10, 15, 20, 25, 30, 99].map((t) => mayMarket(h, key, t).reason)).toEqual(['not-asked', 'consent-given', 'consent-given', 'withdrawn', 'withdrawn', 'consent-given', 'consent-given']);
    expect(h).toHaveLength(3);
  });

  it('lets a withdrawal win over a consent declared at the same instant, whatever the recording order', () => {
    const give = ev('give', 10, 11);
    const withdraw = ev('withdraw', 10, 10);
    expect(mayMarket([give, withdraw], key, 10).reason).toBe('withdrawn');
    expect(mayMarket([withdraw, give], key, 10).reason).toBe('withdrawn');
  });

  it('accepts a back-dated withdrawal and tells what held in law apart from what the firm knew', () => {
    let h = record([], ev('give', 10));
    h = record(h, ev('withdraw', 20, 50)); // letter dated 20, recorded 50
    expect(mayMarket(h, key, 30).allowed).toBe(false);
    expect(mayMarket(h, key, 30, undefined, 30)).toEqual({ allowed: true, reason: 'consent-given' });
    expect(mayMarket(h, key, 30, undefined, 50).allowed).toBe(false);
  });

  it('refuses a consent without evidence, one dated in the future, one dated before the last declaration, and a decline of a given consent', () => {
    const h = record([], ev('give', 10));
    expect(recordConsentEvent(h, ev('give', 20, 20, { evidence: null }))).toEqual({ ok: false, refusal: 'evidence-required' });
    expect(recordConsentEvent(h, ev('give', 20, 20, { evidence: { kind: 'other', reference: ' ' } }))).toEqual({ ok: false, refusal: 'evidence-required' });
    expect(recordConsentEvent(h, ev('give', 30, 20))).toEqual({ ok: false, refusal: 'effective-in-future' });
    expect(recordConsentEvent(h, ev('give', 5, 20))).toEqual({ ok: false, refusal: 'out-of-order' });
    expect(recordConsentEvent(h, ev('decline', 20))).toEqual({ ok: false, refusal: 'decline-after-consent' });
    const declined = record([], ev('decline', 5));
    expect(consentAt(declined, key, 6).state).toBe('declined');
    expect(consentAt(record(declined, ev('give', 7)), key, 8).state).toBe('given');
  });

  it('records an objection without a prior consent, and a second withdrawal changes nothing', () => {
    const h = record([], ev('withdraw', 10));
    expect(consentAt(h, key, 10).state).toBe('withdrawn');
    const again = recordConsentEvent(h, ev('withdraw', 20));
    expect(again).toEqual({ ok: true, history: h, changed: false });
  });

  it('treats letters as opt-out under the German policy: allowed until objected, never after', () => {
    const letter = { ...key, channel: 'letter' as const };
    expect(mayMarket([], letter, 1)).toEqual({ allowed: true, reason: 'opt-out-channel' });
    expect(mayMarket([], letter, 1, { optOutChannels: [] })).toEqual({ allowed: false, reason: 'not-asked' });
    const h = record([], ev('withdraw', 5, 5, letter));
    expect(mayMarket(h, letter, 6)).toEqual({ allowed: false, reason: 'withdrawn' });
    expect(mayMarket(record([], ev('decline', 5, 5, letter)), letter, 6)).toEqual({ allowed: false, reason: 'declined' });
  });

  it('withdraws every channel and purpose in one go, skipping what is already withdrawn', () => {
    let h = record([], ev('give', 1));
    h = record(h, ev('withdraw', 2, 2, { purpose: 'events' }));
    let id = 0;
    const all = withdrawAll(h, 'c1', 3, 'unsubscribe-link', () => `w${++id}`);
    expect(all).toHaveLength(consentChannels.length * consentPurposes.length - 1);
    const after = all.reduce(record, h);
    expect(consentGrid(after, 'c1', 3).every((g) => g.state === 'withdrawn')).toBe(true);
    expect(consentGrid(after, 'c1', 3).every((g) => !mayMarket(after, g, 3).allowed)).toBe(true);
    expect(withdrawAll(after, 'c1', 4, 'staff', () => 'x')).toEqual([]);
  });
});

/** Random attempts on two keys with a clock that moves forward; declarations may be back-dated. */
const attemptArb = fc.record({
  kind: fc.constantFrom<ConsentEventKind>('give', 'decline', 'withdraw'),
  purpose: fc.constantFrom('newsletter' as const, 'events' as const),
  channel: fc.constantFrom('email' as const, 'letter' as const),
  advance: fc.nat(5),
  backdate: fc.nat(6),
  evidence: fc.boolean(),
});

type Attempt = typeof attemptArb extends fc.Arbitrary<infer T> ? T : never;

function play(attempts: Attempt[]) {
  let history: ConsentEvent[] = [];
  let clock = 0;
  let i = 0;
  const accepted: ConsentEvent[] = [];
  for (const a of attempts) {
    clock += a.advance;
    const e: ConsentEvent = {
      id: `r${++i}`,
      contactId: 'c1',
      channel: a.channel,
      purpose: a.purpose,
      kind: a.kind,
      at: Math.max(0, clock - a.backdate),
      recordedAt: clock,
      source: 'staff',
      evidence: a.evidence ? { kind: 'call-note', reference: `note-${i}` } : null,
    };
    const before = history;
    const r = recordConsentEvent(history, e);
    if (e.kind === 'withdraw') expect(r.ok).toBe(true);
    if (!r.ok) continue;
    // history is kept: what was there stays, in place
    expect(r.history.slice(0, before.length)).toEqual(before);
    expect(r.history.length).toBe(before.length + (r.changed ? 1 : 0));
    history = r.history;
    if (r.changed) accepted.push(e);
    if (e.kind === 'withdraw') expect(mayMarket(history, e, e.at).allowed).toBe(false);
  }
  return { history, clock };
}

describe('consent over any sequence of declarations', () => {
  it('never allows marketing after a withdrawal without a later explicit consent with evidence', () => {
    fc.assert(
      fc.property(fc.array(attemptArb, { maxLength: 30 }), (attempts) => {
        const { history, clock } = play(attempts);
        for (const channel of ['email', 'letter'] as const)
          for (const purpose of ['newsletter', 'events'] as const) {
            const k = { contactId: 'c1', channel, purpose };
            const mine = history.filter((e) => e.channel === channel && e.purpose === purpose);
            for (let t = 0; t <= clock + 1; t++) {
              const decision = mayMarket(history, k, t);
              const withdrawals = mine.filter((e) => e.kind === 'withdraw' && e.at <= t);
              const declines = mine.filter((e) => e.kind === 'decline' && e.at <= t);
              const gives = mine.filter((e) => e.kind === 'give' && e.at <= t);
              if (!decision.allowed) continue;
              if (decision.reason === 'opt-out-channel') {
                expect(channel).toBe('letter');
                expect(withdrawals.length + declines.length + gives.length).toBe(0);
                continue;
              }
              for (const w of [...withdrawals, ...declines]) expect(gives.some((g) => g.at > w.at && g.evidence !== null)).toBe(true);
              expect(gives.length).toBeGreaterThan(0);
            }
          }
      }),
    );
  });

  it('does not depend on the order the history is stored in, and knownAt sees only what was recorded by then', () => {
    fc.assert(
      fc.property(fc.array(attemptArb, { maxLength: 25 }), fc.nat(), (attempts, seed) => {
        const { history, clock } = play(attempts);
        const shuffled = [...history].sort((a, b) => ((Number(a.id.slice(1)) * 7919 + seed) % 97) - ((Number(b.id.slice(1)) * 7919 + seed) % 97));
        for (let t = 0; t <= clock; t++)
          for (const k of [key, { ...key, channel: 'letter' as const, purpose: 'events' as const }]) {
            expect(consentAt(shuffled, k, t)).toEqual(consentAt(history, k, t));
            const known = Math.max(0, t - 2);
            expect(mayMarket(history, k, t, undefined, known)).toEqual(mayMarket(history.filter((e) => e.recordedAt <= known), k, t));
          }
      }),
    );
  });
});
