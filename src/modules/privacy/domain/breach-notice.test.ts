import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NOTICE_SECTIONS, type NoticeInput, missingSections, noticeDraft } from './breach-notice.js';

const text = fc.option(fc.constantFrom('', '   ', 'Ein Laptop wurde gestohlen', ' Kundendaten '), { nil: null });
const count = fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null });
const input: fc.Arbitrary<NoticeInput> = fc.record({
  nature: text, subjectCategories: text, subjectCount: count, recordCategories: text, recordCount: count,
  contact: text, consequences: text, measures: text, delayReason: text, late: fc.boolean(),
});

describe('the notice to the authority (Art. 33 (3))', () => {
  it('has every section the article names, the delay only when late, and marks what is to follow', () => {
    fc.assert(fc.property(input, (i) => {
      const draft = noticeDraft(i);
      expect(draft.map((s) => s.id)).toEqual(i.late ? [...NOTICE_SECTIONS] : NOTICE_SECTIONS.filter((s) => s !== 'delay'));
      for (const s of draft) {
        if (s.text !== null) expect(s.text).toBe(s.text.trim());
        expect(s.complete).toBe(s.text !== null && s.text !== '' && ((s.id !== 'subjects' && s.id !== 'records') || s.count !== null));
      }
      expect(missingSections(draft)).toEqual(draft.filter((s) => !s.complete).map((s) => s.id));
    }));
  });

  it('takes the recorded words as they are, numbers included', () => {
    const draft = noticeDraft({ nature: ' Diebstahl ', subjectCategories: 'Kunden', subjectCount: 120, recordCategories: 'Adressen', recordCount: null, contact: null, consequences: null, measures: null, delayReason: null, late: false });
    expect(draft.slice(0, 3)).toEqual([
      { id: 'nature', text: 'Diebstahl', count: null, complete: true },
      { id: 'subjects', text: 'Kunden', count: 120, complete: true },
      { id: 'records', text: 'Adressen', count: null, complete: false },
    ]);
  });
});
