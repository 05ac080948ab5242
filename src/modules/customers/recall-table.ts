import type { Table, TableLocale } from '../../kernel/tabular/index.js';
import type { RecallAnswer } from './recall.js';

/** The words of the recall export, in the language asked for. */
const HEADERS = {
  de: ['Fertigungsauftrag', 'Teil', 'Von', 'Bis', 'Fertigungsminuten an der Maschine', 'Buchungen außerhalb der Toleranz', 'Kleinster Wert', 'Größter Wert', 'Einheit', 'Kundenauftrag', 'Position', 'Kundennummer', 'Kunde', 'Los', 'Seriennummern'],
  en: ['Production order', 'Part', 'From', 'To', 'Production minutes on the machine', 'Bookings out of tolerance', 'Lowest value', 'Highest value', 'Unit', 'Customer order', 'Position', 'Customer number', 'Customer', 'Lot', 'Serial numbers'],
} as const;

/** A moment as the firm reads it: its wall time in Europe/Berlin. */
export function firmTime(iso: string, lang: TableLocale): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'de-DE', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(new Date(iso)).replace(',', '');
}

/** The recall answer as one table, a row per production order (CSV and XLSX share it). */
export function recallTable(answer: RecallAnswer, lang: TableLocale): Table {
  return {
    header: HEADERS[lang],
    rows: answer.rows.map((r) => [
      r.productionOrder.number, r.productionOrder.partNumber, firmTime(r.from, lang), firmTime(r.to, lang),
      r.runningMinutes, r.outOfTolerance?.bookings ?? null, r.outOfTolerance?.min ?? null, r.outOfTolerance?.max ?? null, r.outOfTolerance?.unit ?? null,
      r.customerOrder?.number ?? null, r.customerOrder?.positionNumber ?? null, r.customer?.number ?? null, r.customer?.name ?? null, r.lot, r.serialNumbers.join(' ') || null,
    ]),
  };
}
