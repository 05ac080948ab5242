import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allModules } from '../../modules/index.js';
import { hasMessage } from '../i18n/server-messages.js';
import { auditSentence } from './audit-sentence.js';

// the modules load their server messages with their manifests
const names = new Map(allModules.map((m) => [m.id, m.name]));
const moduleName = (id: string) => names.get(id);

/** Action names written anywhere in the server code: literals, helpers that prefix them, and the few built from a value. */
function writtenActions(): Set<string> {
  const files = readdirSync('src', { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.includes(`${path.sep}web${path.sep}`))
    .map((f) => path.join('src', f));
  const text = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
  // a module's own audit helper puts its prefix before the name: action: `shopfloor.${action}`
  const prefixOf = new Map<string, string>();
  for (const [file, source] of text) {
    const helper = source.match(/action: `([a-z_.]+)\$\{action\}`/);
    if (helper) prefixOf.set(file, helper[1]!);
  }
  for (const [file, source] of text) {
    const imported = source.match(/import \{[^}]*\baudit\b[^}]*\} from '(\.[^']+)\.js'/);
    if (imported && !prefixOf.has(file)) {
      const from = `${path.join(path.dirname(file), imported[1]!)}.ts`;
      if (prefixOf.has(from)) prefixOf.set(file, prefixOf.get(from)!);
    }
  }
  const built: Record<string, string[]> = {
    'customers.consent_${body.kind}': ['give', 'decline', 'withdraw'].map((k) => `customers.consent_${k}`),
  };
  const actions = new Set<string>();
  for (const [file, source] of text) {
    for (const line of source.split('\n')) {
      if (!/writeAudit\(|action:|auditAccountEvent\(|\baudit\(/.test(line)) continue;
      for (const m of line.matchAll(/action: `([^`]+)`/g)) {
        if (m[1]!.endsWith('${action}')) continue;
        expect(built[m[1]!], `an action built from a value in ${file}: list its names in this test`).toBeDefined();
        for (const a of built[m[1]!]!) actions.add(a);
      }
      for (const m of line.matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g)) if (/action|audit/i.test(line)) actions.add(m[1]!);
      const prefix = prefixOf.get(file);
      if (prefix) for (const m of line.matchAll(/\baudit\(.*?, '([a-z_]+)'/g)) actions.add(`${prefix}${m[1]}`);
    }
  }
  return actions;
}

describe('audit log sentences', () => {
  it('exist in German and English for every action the code writes', () => {
    const actions = writtenActions();
        expect(actions.size).toBeGreaterThan(75);
    for (const a of ['shopfloor.order_created', 'shopfloor.reason.created', 'shopfloor.orders_imported', 'roadmap.scheduled', 'member.pin_set', 'customers.consent_withdraw', 'module.enabled']) expect(actions).toContain(a);
    const missing = [...actions].filter((a) => !hasMessage('de', `audit.${a}`) || !hasMessage('en', `audit.${a}`));
    expect(missing).toEqual([]);
  });

  it('name things, roles and modules in the reader\'s language and never show an id', () => {
    const id = '0190f3a2-7c4e-7b21-9d3e-5a6b7c8d9e0f';
    expect(auditSentence('de', { action: 'shopfloor.order_created', target: id, details: { number: 'FA-1001' } }, moduleName)).toBe('Fertigungsauftrag FA-1001 angelegt.');
    expect(auditSentence('en', { action: 'member.role_changed', target: id, details: { name: 'Eva Kessler', from: 'member', to: 'admin' } }, moduleName))
      .toBe('Role of Eva Kessler changed from “Member” to “Administrator”.');
    expect(auditSentence('de', { action: 'module.enabled', target: 'shopfloor', details: {} }, moduleName)).toBe('Modul „Fertigung“ eingeschaltet.');
    expect(auditSentence('en', { action: 'roadmap.measures_accepted', target: null, details: { measureIds: [id, id, id] } }, moduleName)).toBe('3 suggested measures taken into the plan.');
    expect(auditSentence('de', { action: 'roadmap.item_removed', target: id, details: { title: { de: 'Tablets an den Maschinen', en: 'Tablets at the machines' } } }, moduleName))
      .toBe('Maßnahme „Tablets an den Maschinen“ aus dem Plan genommen.');
    expect(auditSentence('de', { action: 'shopfloor.holidays_imported', target: id, details: { imported: 1250, added: 3 } }, moduleName)).toBe('1.250 Feiertage aus einem Kalender übernommen, 3 davon neu.');
    // one of a kind reads in the singular: by the detail `count`, or by the length of the only list
    expect(auditSentence('de', { action: 'shopfloor.holidays_imported', target: id, details: { count: 1, imported: 1, added: 1 } }, moduleName)).toBe('1 Feiertag aus einem Kalender übernommen, 1 davon neu.');
    expect(auditSentence('en', { action: 'shopfloor.holidays_imported', target: id, details: { count: 1, imported: 1, added: 0 } }, moduleName)).toBe('1 holiday taken from a calendar, 0 of them new.');
    expect(auditSentence('en', { action: 'shopfloor.holidays_imported', target: id, details: { count: 2, imported: 2, added: 1 } }, moduleName)).toBe('2 holidays taken from a calendar, 1 of them new.');
    expect(auditSentence('de', { action: 'shopfloor.orders_imported', target: id, details: { count: 1 } }, moduleName)).toBe('1 Fertigungsauftrag per CSV importiert.');
    expect(auditSentence('de', { action: 'roadmap.measures_accepted', target: null, details: { measureIds: [id] } }, moduleName)).toBe('1 vorgeschlagene Maßnahme in den Plan übernommen.');
    expect(auditSentence('en', { action: 'privacy.record_confirmed', target: null, details: { version: 3, changes: [{}] } }, moduleName)).toBe('Processing record confirmed as version 3 (1 change).');
    // an update names what it changed, in the reader's language
    expect(auditSentence('en', { action: 'shopfloor.part_updated', target: id, details: { number: 'P-1', changes: { de: 'Bezeichnung, Arbeitsplan', en: 'name, routing' } } }, moduleName)).toBe('Part P-1 changed. Affected: name, routing.');
    expect(auditSentence('de', { action: 'shopfloor.part_updated', target: id, details: { number: 'P-1', changes: { de: 'Bezeichnung', en: 'name' } } }, moduleName)).toBe('Teil P-1 geändert. Betroffen: Bezeichnung.');
    // an id where a name belongs is left out, not shown
    expect(auditSentence('de', { action: 'company.created', target: id, details: {} }, moduleName)).toBe('Unternehmen „–“ angelegt.');
  });

  it('say in which area an unknown action happened, without its key', () => {
    expect(auditSentence('de', { action: 'machines.rule_tuned', target: null, details: {} }, moduleName)).toBe('Änderung im Bereich Maschinendaten.');
    expect(auditSentence('en', { action: 'gone.away', target: null, details: {} }, moduleName)).toBe('Change made.');
  });
});
