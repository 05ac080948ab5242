import { COLORS, FONTS, contentWidth, createPdfDocument, ensureSpace, finishPdf, pageFrame, pdfText, table, type PdfLang } from '../../kernel/pdf/index.js';
import type { ProductionRecord } from './production-record.js';

/** The words of the production record PDF, in the language asked for (the customer's, not necessarily the reader's). */
export const RECORD_PDF_LABELS = {
  de: {
    title: 'Fertigungsnachweis',
    issued: 'Ausgestellt am',
    customerNumber: 'Kundennummer',
    yourReference: 'Ihr Zeichen',
    orderedAt: 'Auftrag vom',
    intro: 'Dieser Nachweis zeigt, wie und womit die Teile Ihres Auftrags gefertigt wurden: jeden Arbeitsgang mit Arbeitsplatz, Zeiten und Mengen, die gebuchten Prozessparameter mit ihrer Toleranzprüfung und die Maschinensignale während der Fertigung.',
    position: (n: number, text: string) => `Position ${n}: ${text}`,
    noProduction: 'Zu dieser Position gibt es noch keinen Fertigungsauftrag.',
    productionOrder: (number: string, part: string, qty: number) => `Fertigungsauftrag ${number} · Teil ${part} · ${qty} Stück`,
    lot: (lot: string) => `Los ${lot}`,
    serials: (list: string) => `Seriennummern ${list}`,
    states: { planned: 'geplant', active: 'in Arbeit', finished: 'fertig' },
    operations: { position: 'AG', name: 'Arbeitsgang', centre: 'Arbeitsplatz', start: 'Beginn', finish: 'Ende', good: 'Gut', scrap: 'Ausschuss' },
    open: 'läuft',
    scrapReasons: 'Ausschussgründe',
    noReason: 'ohne Grund',
    parameters: { name: 'Prozessparameter', value: 'Wert', range: 'Zulässig', result: 'Prüfung', at: 'Gebucht' },
    inTolerance: 'in Toleranz',
    outOfTolerance: 'außerhalb der Toleranz',
    noCheck: '–',
    photos: (n: number) => (n === 1 ? '1 Foto aufgenommen (liegt beim Hersteller vor).' : `${n} Fotos aufgenommen (liegen beim Hersteller vor).`),
    signals: { machine: 'Maschine', point: 'Messgröße', min: 'Min.', mean: 'Mittel', max: 'Max.', outside: 'Außerhalb Grenzen', alarms: 'Alarme' },
    noSignals: 'Keine Maschinendaten in der Fertigungszeit.',
    machinesOff: 'Maschinendaten werden in diesem Betrieb nicht erfasst.',
    minutes: (m: number) => `${m} min`,
    page: (i: number, n: number) => `Seite ${i} von ${n}`,
  },
  en: {
    title: 'Production record',
    issued: 'Issued on',
    customerNumber: 'Customer number',
    yourReference: 'Your reference',
    orderedAt: 'Order of',
    intro: 'This record shows how and with what the parts of your order were made: every operation with work centre, times and quantities, the booked process parameters with their tolerance check, and the machine signals during production.',
    position: (n: number, text: string) => `Position ${n}: ${text}`,
    noProduction: 'There is no production order for this position yet.',
    productionOrder: (number: string, part: string, qty: number) => `Production order ${number} · part ${part} · ${qty} pieces`,
    lot: (lot: string) => `Lot ${lot}`,
    serials: (list: string) => `Serial numbers ${list}`,
    states: { planned: 'planned', active: 'in progress', finished: 'finished' },
    operations: { position: 'Op.', name: 'Operation', centre: 'Work centre', start: 'Start', finish: 'Finish', good: 'Good', scrap: 'Scrap' },
    open: 'running',
    scrapReasons: 'Scrap reasons',
    noReason: 'no reason',
    parameters: { name: 'Process parameter', value: 'Value', range: 'Allowed', result: 'Check', at: 'Booked' },
    inTolerance: 'in tolerance',
    outOfTolerance: 'out of tolerance',
    noCheck: '–',
    photos: (n: number) => (n === 1 ? '1 photo taken (kept by the manufacturer).' : `${n} photos taken (kept by the manufacturer).`),
    signals: { machine: 'Machine', point: 'Signal', min: 'Min', mean: 'Mean', max: 'Max', outside: 'Outside limits', alarms: 'Alarms' },
    noSignals: 'No machine data during production.',
    machinesOff: 'Machine data is not recorded in this company.',
    minutes: (m: number) => `${m} min`,
    page: (i: number, n: number) => `Page ${i} of ${n}`,
  },
} as const;

const locale = (lang: PdfLang) => (lang === 'en' ? 'en-GB' : 'de-DE');
const moment = (lang: PdfLang, iso: string | null) => (iso === null ? '' : new Intl.DateTimeFormat(locale(lang), { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso)));
const dayOf = (lang: PdfLang, iso: string) => new Intl.DateTimeFormat(locale(lang), { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(iso));
const num = (lang: PdfLang, n: number) => new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 3 }).format(n);
const range = (lang: PdfLang, lower: number | null, upper: number | null, unit: string | null) => {
  const u = unit ? ` ${unit}` : '';
  if (lower !== null && upper !== null) return `${num(lang, lower)} … ${num(lang, upper)}${u}`;
  if (lower !== null) return `≥ ${num(lang, lower)}${u}`;
  if (upper !== null) return `≤ ${num(lang, upper)}${u}`;
  return '';
};

/** The production record as an A4 document for the customer. */
export function renderProductionRecordPdf(record: ProductionRecord, lang: PdfLang, company: string): Promise<Buffer> {
  const L = RECORD_PDF_LABELS[lang];
  const page = pageFrame(50);
  const { doc, done } = createPdfDocument({ margin: page.margin, title: `${L.title} ${record.order.number} – ${company}`, subject: L.title, lang });
  const width = contentWidth(doc);
  const left = doc.page.margins.left;

  doc.font(FONTS.regular).fontSize(8).fillColor(COLORS.muted).text(pdfText(company));
  doc.moveDown(1.2).font(FONTS.regular).fontSize(10).fillColor(COLORS.text);
  const c = record.customer;
  for (const line of [c.name, c.street, [c.postcode, c.city].filter(Boolean).join(' '), c.country && c.country !== 'DE' ? c.country : null]) {
    if (line && line.trim() !== '') doc.text(pdfText(line));
  }
  doc.moveDown(2).font(FONTS.bold).fontSize(18).fillColor(COLORS.accent).text(pdfText(`${L.title} ${record.order.number}`));
  doc.moveDown(0.5);
  const facts: Array<[string, string]> = [
    [L.issued, dayOf(lang, record.generatedAt)],
    [L.customerNumber, c.number],
    [L.orderedAt, dayOf(lang, record.order.orderedAt)],
    ...(record.order.customerReference ? [[L.yourReference, record.order.customerReference] as [string, string]] : []),
  ];
  for (const [label, value] of facts) {
    const y = doc.y;
    doc.font(FONTS.bold).fontSize(9).fillColor(COLORS.text).text(pdfText(label), left, y, { width: 110 });
    doc.font(FONTS.regular).fontSize(9).text(pdfText(value), left + 115, y, { width: width - 115 });
  }
  doc.x = left;
  doc.moveDown(1).font(FONTS.regular).fontSize(9.5).text(pdfText(L.intro), left, doc.y, { width });

  for (const position of record.positions) {
    ensureSpace(doc, 80);
    doc.moveDown(1.2).font(FONTS.bold).fontSize(12).fillColor(COLORS.accent).text(pdfText(L.position(position.number, position.text)), left, doc.y, { width });
    if (position.productionOrders.length === 0) {
      doc.moveDown(0.3).font(FONTS.italic).fontSize(9).fillColor(COLORS.muted).text(pdfText(L.noProduction), left, doc.y, { width });
      continue;
    }
    for (const po of position.productionOrders) {
      ensureSpace(doc, 60);
      doc.moveDown(0.6).font(FONTS.bold).fontSize(10).fillColor(COLORS.text)
        .text(pdfText(`${L.productionOrder(po.number, po.partNumber, po.quantity)} · ${L.states[po.state]}`), left, doc.y, { width });
      if (po.lotNumber) {
        doc.font(FONTS.regular).fontSize(9).text(pdfText([L.lot(po.lotNumber), ...(po.serialNumbers.length > 0 ? [L.serials(po.serialNumbers.join(', '))] : [])].join(' · ')), left, doc.y, { width });
      }
      doc.moveDown(0.3);
      const O = L.operations;
      table(doc, [
        { header: O.position, width: 30 }, { header: O.name, width: width - 30 - 110 - 85 - 85 - 40 - 50 }, { header: O.centre, width: 110 },
        { header: O.start, width: 85 }, { header: O.finish, width: 85 }, { header: O.good, width: 40, align: 'right' }, { header: O.scrap, width: 50, align: 'right' },
      ], po.operations.map((op) => [
        String(op.position * 10), op.name, op.workCentre.name, moment(lang, op.startedAt), op.finishedAt ? moment(lang, op.finishedAt) : op.startedAt ? L.open : '',
        String(op.good), String(op.scrap),
      ]));
      for (const op of po.operations) {
        const numbers = op.parameters.filter((p) => p.type !== 'photo');
        const photos = op.parameters.filter((p) => p.type === 'photo').length;
        const machines = op.machines ?? [];
        const signals = machines.flatMap((m) => m.points.map((p) => ({ m, p })));
        if (numbers.length === 0 && photos === 0 && op.scrapByReason.length === 0 && signals.length === 0 && op.machines !== null) continue;
        ensureSpace(doc, 50);
        doc.moveDown(0.6).font(FONTS.bold).fontSize(9.5).fillColor(COLORS.text).text(pdfText(`${op.position * 10} ${op.name}`), left, doc.y, { width });
        if (op.scrapByReason.length > 0) {
          doc.font(FONTS.regular).fontSize(8.5).text(pdfText(`${L.scrapReasons}: ${op.scrapByReason.map((s) => `${s.reason ? s.reason[lang] : L.noReason} ${s.scrap}`).join(', ')}`), left, doc.y, { width });
        }
        if (numbers.length > 0) {
          doc.moveDown(0.3);
          const P = L.parameters;
          table(doc, [
            { header: P.name, width: width - 90 - 110 - 100 - 85 }, { header: P.value, width: 90, align: 'right' }, { header: P.range, width: 110 },
            { header: P.result, width: 100 }, { header: P.at, width: 85 },
          ], numbers.map((p) => [
            p.label[lang], typeof p.value === 'number' ? `${num(lang, p.value)}${p.unit ? ` ${p.unit}` : ''}` : String(p.value),
            range(lang, p.lower, p.upper, p.unit), p.lower === null && p.upper === null ? L.noCheck : p.outOfTolerance ? L.outOfTolerance : L.inTolerance, moment(lang, p.at),
          ]), { bold: (r) => numbers[r]!.outOfTolerance });
        }
        if (photos > 0) doc.moveDown(0.2).font(FONTS.regular).fontSize(8.5).fillColor(COLORS.text).text(pdfText(L.photos(photos)), left, doc.y, { width });
        if (op.machines === null) {
          doc.moveDown(0.2).font(FONTS.italic).fontSize(8.5).fillColor(COLORS.muted).text(pdfText(L.machinesOff), left, doc.y, { width });
        } else if (signals.length === 0) {
          if (op.startedAt) doc.moveDown(0.2).font(FONTS.italic).fontSize(8.5).fillColor(COLORS.muted).text(pdfText(L.noSignals), left, doc.y, { width });
        } else {
          doc.moveDown(0.3);
          const S = L.signals;
          table(doc, [
            { header: S.machine, width: 95 }, { header: S.point, width: width - 95 - 60 * 3 - 80 - 45 }, { header: S.min, width: 60, align: 'right' },
            { header: S.mean, width: 60, align: 'right' }, { header: S.max, width: 60, align: 'right' }, { header: S.outside, width: 80, align: 'right' }, { header: S.alarms, width: 45, align: 'right' },
          ], signals.map(({ m, p }) => {
            const unit = p.unit ? ` ${p.unit}` : '';
            return [m.machineName, p.label || p.point, `${num(lang, p.min)}${unit}`, `${num(lang, p.mean)}${unit}`, `${num(lang, p.max)}${unit}`,
              p.limits.low === null && p.limits.high === null ? L.noCheck : L.minutes(Math.round(p.outsideMs / 60_000)), String(m.alarms.filter((a) => a.point === p.point).length)];
          }));
        }
      }
    }
  }
  finishPdf(doc, `${company} · ${L.title} ${record.order.number}`, L.page);
  return done();
}
