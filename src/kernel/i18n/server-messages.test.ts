import { describe, expect, it } from 'vitest';
import { addServerMessages, fillMessage, hasMessage, loadServerMessages, pluralKey, translate } from './server-messages.js';

describe('server messages of a module', () => {
  it('come from its server-i18n folder, once, and reach translate', () => {
    const folder = new URL('../../modules/shopfloor/server-i18n/', import.meta.url);
    const messages = loadServerMessages<{ orderPaper: { title: string } }>(folder);
    expect(messages.de.orderPaper.title).toBe('Auftragspapier');
    expect(messages.en.orderPaper.title).toBe('Order paper');
    expect(loadServerMessages(folder)).toBe(messages);
    expect(translate('en', 'orderPaper.title')).toBe('Order paper');
  });

  it('fill their {{name}} places', () => {
    expect(fillMessage('Seite {{i}} von {{n}}', { i: 2, n: 5 })).toBe('Seite 2 von 5');
    expect(fillMessage('{{a}}{{a}} {{missing}}.', { a: 'x' })).toBe('xx .');
  });

  it('take the plural form for a numeric count, by the language\'s rules', () => {
    addServerMessages('de', { pluralTest: { items_one: '{{count}} Eintrag', items_other: '{{count}} Einträge', plain: '{{count}} Stück' } });
    addServerMessages('en', { pluralTest: { items_one: '{{count}} entry', items_other: '{{count}} entries', plain: '{{count}} pcs' } });
    expect(translate('de', 'pluralTest.items', { count: 1 })).toBe('1 Eintrag');
    expect(translate('de', 'pluralTest.items', { count: 0 })).toBe('0 Einträge');
    expect(translate('en', 'pluralTest.items', { count: 1 })).toBe('1 entry');
    expect(translate('en', 'pluralTest.items', { count: 2 })).toBe('2 entries');
    // without a count the general form; a message without forms is used for every count
    expect(translate('en', 'pluralTest.items', { count: '1' })).toBe('1 entries');
    expect(translate('de', 'pluralTest.plain', { count: 1 })).toBe('1 Stück');
    expect(hasMessage('de', 'pluralTest.items')).toBe(true);
    expect(pluralKey('en', 'pluralTest.items', 1)).toBe('pluralTest.items_one');
    expect(pluralKey('en', 'pluralTest.plain', 1)).toBe('pluralTest.plain');
    expect(translate('en', 'pluralTest.missing', { count: 1 })).toBe('pluralTest.missing');
  });
});
