import { fillMessage, loadServerMessages } from '../../../kernel/i18n/server-messages.js';
import type de from '../server-i18n/de.json';

type Texts = (typeof de)['boardReport'];
const messages = loadServerMessages<typeof de>(new URL('../server-i18n/', import.meta.url));

/** Fixed texts of the board report in German and English, from the module's server messages. */
function labels(t: Texts) {
  const { levels: _l, quadrants: _q, statuses: _s, classValues: _c, ...texts } = t;
  return {
    ...texts,
    page: (n: number, of: number) => fillMessage(t.page, { n, of }),
    checkOn: (date: string) => fillMessage(t.checkOn, { date }),
    previousCheck: (date: string) => fillMessage(t.previousCheck, { date }),
    planNote: (start: string | null, next: string | null) =>
      `${start ? fillMessage(t.planFrom, { start }) : ''}${next ? fillMessage(t.planNextReview, { next }) : t.planNotScheduled}`,
    years: (value: string) => fillMessage(t.years, { value }),
  };
}

export const REPORT_LABELS = { de: labels(messages.de.boardReport), en: labels(messages.en.boardReport) };
export const LEVEL_LABELS = { de: messages.de.boardReport.levels, en: messages.en.boardReport.levels };
export const QUADRANT_LABELS = { de: messages.de.boardReport.quadrants, en: messages.en.boardReport.quadrants };
export const STATUS_LABELS = { de: messages.de.boardReport.statuses, en: messages.en.boardReport.statuses };
export const CLASS_VALUE_LABELS = { de: messages.de.boardReport.classValues, en: messages.en.boardReport.classValues };
