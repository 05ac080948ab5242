import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SIZE_CLASSES, sizeClassOf, wzSectionOf } from './company-profile.js';

describe('sizeClassOf', () => {
  it('follows the study size classes at every boundary', () => {
    expect([1, 99, 100, 249, 250, 499, 500].map(sizeClassOf)).toEqual(['lt100', 'lt100', '100to249', '100to249', '250to499', '250to499', '500plus']);
  });
  it('never gets smaller with more employees', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), (n, more) => {
      expect(SIZE_CLASSES.indexOf(sizeClassOf(n + more))).toBeGreaterThanOrEqual(SIZE_CLASSES.indexOf(sizeClassOf(n)));
    }));
  });
});

describe('wzSectionOf', () => {
  it('maps manufacturing divisions to C and others to their sections', () => {
    for (let d = 10; d <= 33; d++) expect(wzSectionOf(String(d).padStart(2, '0'))).toBe('C');
    expect(wzSectionOf('01')).toBe('A');
    expect(wzSectionOf('62')).toBe('J');
    expect(wzSectionOf('46')).toBe('G');
    expect(wzSectionOf('04')).toBeUndefined();
  });
});
