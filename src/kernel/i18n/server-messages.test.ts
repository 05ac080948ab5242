import { describe, expect, it } from 'vitest';
import { fillMessage, loadServerMessages, translate } from './server-messages.js';

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
});
