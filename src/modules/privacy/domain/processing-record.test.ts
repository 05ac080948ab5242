import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ActivityCompletion, type Controller, type Declaration, type ProcessingRecord, activityKey, buildRecord, missingItems, recordChanges } from './processing-record.js';

const word = fc.constantFrom('Kunden', 'Beschäftigte', 'Kontakte', 'Maschinen', 'Verträge');
const localized = fc.record({ de: word, en: fc.constantFrom('Customers', 'Employees', 'Contacts', 'Machines', 'Contracts') });
const declaration: fc.Arbitrary<Declaration> = fc.record({
  moduleId: fc.constantFrom('customers', 'shopfloor', 'platform'),
  moduleName: localized, category: localized, purpose: localized, dataSubjects: localized, retention: localized,
});
const text = fc.option(fc.constantFrom('', 'keine', 'Steuerberater', 'Hosting bei Muster GmbH'), { nil: null });
const completion: fc.Arbitrary<ActivityCompletion> = fc.record({ recipients: text, processors: text, thirdCountries: text });
const controller: fc.Arbitrary<Controller> = fc.record({ name: text, address: text, contact: text, representative: text, dataProtectionOfficer: text, measures: text });
const record: fc.Arbitrary<ProcessingRecord> = fc.tuple(fc.array(declaration, { maxLength: 8 }), fc.array(completion, { maxLength: 8 }), controller).map(([ds, cs, c]) =>
  buildRecord(ds, new Map(ds.map((d, i) => [activityKey(d), cs[i] ?? { recipients: null, processors: null, thirdCountries: null }])), c));

describe('the record of processing activities', () => {
  it('has one activity per declared kind of data, in the declared order, with what the firm added', () => {
    fc.assert(fc.property(fc.array(declaration, { maxLength: 8 }), completion, controller, (ds, c, ctl) => {
      const keys = ds.map(activityKey);
      const r = buildRecord(ds, new Map(keys.map((k) => [k, c])), ctl);
      expect(r.activities.map((a) => a.key)).toEqual([...new Set(keys)]);
      for (const a of r.activities) expect([a.recipients, a.processors, a.thirdCountries]).toEqual([c.recipients, c.processors, c.thirdCountries]);
    }));
    expect(activityKey({ moduleId: 'customers', category: { de: 'x', en: 'Contacts at customers: name, e-mail' } })).toBe('customers.contacts-at-customers-name-e-mail');
  });

  it('shows no change between a record and itself, and each change seen from both sides', () => {
    fc.assert(fc.property(record, record, (a, b) => {
      expect(recordChanges(a, a)).toEqual([]);
      const forward = recordChanges(a, b);
      const backward = recordChanges(b, a);
      expect(forward.length === 0).toBe(JSON.stringify(a) === JSON.stringify(b));
      const keys = (cs: typeof forward, kind: string) => cs.filter((c) => c.kind === kind).map((c) => ('key' in c ? c.key : '')).sort();
      expect(keys(forward, 'activity-added')).toEqual(keys(backward, 'activity-removed'));
      expect(keys(forward, 'activity-changed')).toEqual(keys(backward, 'activity-changed'));
    }));
  });

  it('counts everything as added before the first version', () => {
    fc.assert(fc.property(record, (r) => {
      const changes = recordChanges(null, r);
      expect(changes.filter((c) => c.kind === 'activity-added')).toHaveLength(r.activities.length);
    }));
  });

  it('asks for the controller, the measures and every activity\'s recipients', () => {
    fc.assert(fc.property(record, (r) => {
      const missing = missingItems(r);
      const blank = (s: string | null) => s === null || s.trim() === '';
      expect(missing.filter((m) => m.item === 'recipients').map((m) => m.key)).toEqual(r.activities.filter((a) => blank(a.recipients)).map((a) => a.key));
      expect(missing.some((m) => m.item === 'measures')).toBe(blank(r.controller.measures));
    }));
  });
});
