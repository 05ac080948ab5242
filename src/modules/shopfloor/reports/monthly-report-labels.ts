import { fillMessage, loadServerMessages } from '../../../kernel/i18n/server-messages.js';
import type de from '../server-i18n/de.json';

type Texts = (typeof de)['monthlyReport'];
const messages = loadServerMessages<typeof de>(new URL('../server-i18n/', import.meta.url));

/** Fixed texts of the monthly report (PDF and CSV) in German and English, from the module's server messages. */
function labels(t: Texts) {
  return {
    ...t,
    terms: t.terms as Array<[string, string]>,
    running: (until: string) => fillMessage(t.running, { until }),
    runningLevel: (until: string) => fillMessage(t.runningLevel, { until }),
    page: (i: number, n: number) => fillMessage(t.page, { i, n }),
    onTimeOf: (onTime: number, of: number) => fillMessage(t.onTimeOf, { onTime, of }),
  };
}

export const MONTHLY_REPORT_LABELS = { de: labels(messages.de.monthlyReport), en: labels(messages.en.monthlyReport) };
export type MonthlyReportLabels = ReturnType<typeof labels>;
