import { fillMessage, loadServerMessages } from '../../../kernel/i18n/server-messages.js';
import type de from '../server-i18n/de.json';

type Texts = (typeof de)['orderPaper'];
const messages = loadServerMessages<typeof de>(new URL('../server-i18n/', import.meta.url));

/** Fixed texts of the order paper in German and English, from the module's server messages. */
function labels(t: Texts) {
  return { ...t, page: (i: number, n: number) => fillMessage(t.page, { i, n }) };
}

export const ORDER_PAPER_LABELS = { de: labels(messages.de.orderPaper), en: labels(messages.en.orderPaper) };
