import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTrustProxy } from '../config.js';
import { SIGN_IN_FIRST_WAIT_SECONDS, SIGN_IN_FREE_FAILURES, SIGN_IN_MAX_WAIT_SECONDS, signInKey, signInWaitSeconds } from './sign-in-throttle.js';

describe('sign-in wait per address', () => {
  it('lets the first failures pass, then waits 30 s, doubling, at most an hour', () => {
    expect([1, 2, 3, 4].map(signInWaitSeconds)).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10, 11, 12].map(signInWaitSeconds)).toEqual([30, 60, 120, 240, 480, 960, 1920, 3600]);
    expect(signInWaitSeconds(1000)).toBe(3600);
  });

  it('never shrinks with more failures and stays within its bounds', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000 }), (n) => {
      const wait = signInWaitSeconds(n);
      expect(signInWaitSeconds(n + 1)).toBeGreaterThanOrEqual(wait);
      expect(wait).toBeLessThanOrEqual(SIGN_IN_MAX_WAIT_SECONDS);
      expect(wait === 0).toBe(n < SIGN_IN_FREE_FAILURES);
      if (n >= SIGN_IN_FREE_FAILURES) expect(wait).toBeGreaterThanOrEqual(SIGN_IN_FIRST_WAIT_SECONDS);
    }));
  });

  it('bounds the guesses per address and day', () => {
    // the waits of a whole day add up: how many passwords fit into 24 hours at most
    let elapsed = 0;
    let guesses = 0;
    while (elapsed <= 86_400) elapsed += signInWaitSeconds(++guesses);
    expect(guesses).toBeLessThan(40);
  });

  it('keys every spelling of one address alike and does not store the address', () => {
    fc.assert(fc.property(fc.emailAddress(), (email) => {
      expect(signInKey(` ${email.toUpperCase()} `)).toBe(signInKey(email));
      expect(signInKey(email)).not.toContain(email);
    }));
  });
});

describe('WERKVERBUND_TRUST_PROXY', () => {
  it('trusts no proxy unless told', () => {
    for (const value of [undefined, '', 'off', 'OFF', 'false', '0']) expect(parseTrustProxy(value)).toBe(false);
  });
  it('takes a hop count or a list of proxy addresses and ranges', () => {
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('10.0.0.5, 10.1.0.0/16,::1,fd00::/8,loopback')).toEqual(['10.0.0.5', '10.1.0.0/16', '::1', 'fd00::/8', 'loopback']);
  });
  it('refuses what it cannot read, naming the entry', () => {
    for (const value of ['on', 'true', 'proxy.example', '10.0.0.0/33', '10.0.0.1/8/1', '300.1.1.1']) {
      expect(() => parseTrustProxy(value), value).toThrow(/WERKVERBUND_TRUST_PROXY/);
    }
  });
});
