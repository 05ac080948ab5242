import { COLORS, FONTS, contentWidth, createPdfDocument, finishPdf, pageFrame, pdfText, type PdfLang } from '../../kernel/pdf/index.js';
import type { Customer } from './customers.store.js';
import type { DeliveryRow } from './deliveries.store.js';
import { letterHead, wrappingTable } from './quote-pdf.js';

/** The words of the delivery note, in the language asked for (the customer's, not necessarily the reader's). */
export const DELIVERY_NOTE_LABELS = {
  de: {
    note: 'Lieferschein',
    date: 'Lieferdatum',
    order: 'Auftrag',
    customerReference: 'Ihre Bestellung',
    customerNumber: 'Kundennummer',
    intro: 'wir liefern Ihnen heute:',
    columns: { position: 'Pos.', description: 'Beschreibung', quantity: 'Menge', ordered: 'Bestellt', deliveredSoFar: 'Bisher geliefert', traceability: 'Los / Seriennummern' },
    lot: (lots: string) => `Los ${lots}`,
    serials: (list: string) => `SN ${list}`,
    remark: 'Bemerkung',
    received: 'Ware vollständig und unbeschädigt erhalten:',
    signature: 'Datum, Unterschrift',
    page: (i: number, n: number) => `Seite ${i} von ${n}`,
  },
  en: {
    note: 'Delivery note',
    date: 'Delivery date',
    order: 'Order',
    customerReference: 'Your order',
    customerNumber: 'Customer number',
    intro: 'Today we deliver:',
    columns: { position: 'Pos.', description: 'Description', quantity: 'Quantity', ordered: 'Ordered', deliveredSoFar: 'Delivered so far', traceability: 'Lot / serial numbers' },
    lot: (lots: string) => `Lot ${lots}`,
    serials: (list: string) => `SN ${list}`,
    remark: 'Remark',
    received: 'Goods received complete and undamaged:',
    signature: 'Date, signature',
    page: (i: number, n: number) => `Page ${i} of ${n}`,
  },
} as const;

const locale = (lang: PdfLang) => (lang === 'en' ? 'en-GB' : 'de-DE');
const num = (lang: PdfLang, milli: number) => new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 3 }).format(milli / 1000);
const day = (lang: PdfLang, iso: string) => new Intl.DateTimeFormat(locale(lang), { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));

export interface DeliveryNoteData {
  lang: PdfLang;
  company: string;
  customer: Customer;
  order: { number: string; customerReference: string };
  delivery: DeliveryRow;
  /** per order position: its number, text, ordered quantity and what was delivered up to and including this delivery */
  positions: ReadonlyMap<string, { number: number; text: string; orderedMilli: number; deliveredUpToMilli: number }>;
}

/** A delivery note on A4: sender, customer address, number, date, order, the lines with lots and serial numbers, a line for the receipt. */
export function renderDeliveryNotePdf(data: DeliveryNoteData): Promise<Buffer> {
  const { lang, delivery, customer } = data;
  const L = DELIVERY_NOTE_LABELS[lang];
  const page = pageFrame(50);
  const { doc, done } = createPdfDocument({ margin: page.margin, title: `${L.note} ${delivery.number} – ${data.company}`, subject: L.note, lang });
  const width = contentWidth(doc);
  const left = doc.page.margins.left;

  letterHead(doc, data.company, customer, `${L.note} ${delivery.number}`);
  doc.moveDown(0.5);
  const facts: Array<[string, string]> = [
    [L.date, day(lang, delivery.deliveredOn)],
    [L.order, data.order.number],
    ...(data.order.customerReference ? [[L.customerReference, data.order.customerReference] as [string, string]] : []),
    [L.customerNumber, customer.number],
  ];
  for (const [label, value] of facts) {
    const y = doc.y;
    doc.font(FONTS.bold).fontSize(9).fillColor(COLORS.text).text(pdfText(label), left, y, { width: 110 });
    doc.font(FONTS.regular).fontSize(9).text(pdfText(value), left + 115, y, { width: width - 115 });
  }
  doc.x = left;
  doc.moveDown(1).font(FONTS.regular).fontSize(10).text(pdfText(L.intro));
  doc.moveDown(0.6);

  const C = L.columns;
  const lines = [...delivery.lines].sort((a, b) => (data.positions.get(a.orderPositionId)?.number ?? 0) - (data.positions.get(b.orderPositionId)?.number ?? 0));
  wrappingTable(
    doc,
    [
      { header: C.position, width: 30 },
      { header: C.description, width: width - 30 - 55 - 55 - 65 - 150 },
      { header: C.quantity, width: 55, align: 'right' },
      { header: C.ordered, width: 55, align: 'right' },
      { header: C.deliveredSoFar, width: 65, align: 'right' },
      { header: C.traceability, width: 150 },
    ],
    lines.map((l) => {
      const p = data.positions.get(l.orderPositionId);
      const trace = [
        ...(l.lotNumbers.length > 0 ? [L.lot(l.lotNumbers.join(', '))] : []),
        ...(l.serialNumbers.length > 0 ? [L.serials(l.serialNumbers.join(', '))] : []),
      ].join('\n');
      return [String(p?.number ?? ''), p?.text ?? '', num(lang, l.quantityMilli), p ? num(lang, p.orderedMilli) : '', p ? num(lang, p.deliveredUpToMilli) : '', trace];
    }),
  );
  if (delivery.note) {
    doc.font(FONTS.bold).fontSize(9.5).text(pdfText(L.remark), left, doc.y, { width });
    doc.font(FONTS.regular).fontSize(9.5).text(pdfText(delivery.note), left, doc.y, { width });
    doc.moveDown(1);
  }
  doc.moveDown(1.5).font(FONTS.regular).fontSize(9.5).text(pdfText(L.received), left, doc.y, { width });
  doc.moveDown(2.5);
  const y = doc.y;
  doc.moveTo(left, y).lineTo(left + 240, y).lineWidth(0.5).strokeColor(COLORS.muted).stroke();
  doc.font(FONTS.regular).fontSize(8).fillColor(COLORS.muted).text(pdfText(L.signature), left, y + 3, { width: 240 });

  finishPdf(doc, `${data.company} · ${L.note} ${delivery.number}`, L.page);
  return done();
}
