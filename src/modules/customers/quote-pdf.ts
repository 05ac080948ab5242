import { COLORS, FONTS, contentWidth, createPdfDocument, finishPdf, pageFrame, pdfText, ensureSpace, type Column, type Doc, type PdfLang } from '../../kernel/pdf/index.js';
import type { Customer } from './customers.store.js';
import type { QuoteDetail } from './quotes.service.js';

/** The words of the quote PDF, in the language the quote is written in (not the reader's UI language). */
export const QUOTE_PDF_LABELS = {
  de: {
    quote: 'Angebot',
    draft: 'Entwurf – noch nicht versendet',
    date: 'Datum',
    version: 'Version',
    customerNumber: 'Kundennummer',
    validUntil: 'Gültig bis',
    subject: 'Betreff',
    intro: 'vielen Dank für Ihre Anfrage. Gern bieten wir Ihnen an:',
    columns: { position: 'Pos.', description: 'Beschreibung', quantity: 'Menge', unitPrice: 'Einzelpreis', discount: 'Rabatt', net: 'Netto', delivery: 'Liefertermin' },
    net: 'Summe netto',
    vat: (rate: string, base: string) => `USt. ${rate} % auf ${base}`,
    gross: 'Gesamtbetrag',
    closing: 'Alle Preise in {{currency}}. Wir freuen uns auf Ihren Auftrag.',
    page: (i: number, n: number) => `Seite ${i} von ${n}`,
  },
  en: {
    quote: 'Quote',
    draft: 'Draft – not sent yet',
    date: 'Date',
    version: 'Version',
    customerNumber: 'Customer number',
    validUntil: 'Valid until',
    subject: 'Subject',
    intro: 'Thank you for your enquiry. We are pleased to offer:',
    columns: { position: 'Pos.', description: 'Description', quantity: 'Quantity', unitPrice: 'Unit price', discount: 'Discount', net: 'Net', delivery: 'Delivery' },
    net: 'Total net',
    vat: (rate: string, base: string) => `VAT ${rate} % on ${base}`,
    gross: 'Total amount',
    closing: 'All prices in {{currency}}. We look forward to your order.',
    page: (i: number, n: number) => `Page ${i} of ${n}`,
  },
} as const;

const locale = (lang: PdfLang) => (lang === 'en' ? 'en-GB' : 'de-DE');
const money = (lang: PdfLang, cents: number, currency: string) => new Intl.NumberFormat(locale(lang), { style: 'currency', currency }).format(cents / 100);
const num = (lang: PdfLang, n: number, digits: number) => new Intl.NumberFormat(locale(lang), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
const day = (lang: PdfLang, iso: string) => new Intl.DateTimeFormat(locale(lang), { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso.slice(0, 10)}T12:00:00Z`));
const dayOf = (lang: PdfLang, at: Date) => new Intl.DateTimeFormat(locale(lang), { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Berlin' }).format(at);

export interface QuotePdfData {
  lang: PdfLang;
  company: string;
  customer: Customer;
  quote: QuoteDetail;
  version: QuoteDetail['versions'][number];
  /** the date printed on an unsent draft */
  now: Date;
}

/** The head of a letter to a customer: the sender in small print, the customer's address (the country only abroad), the title. */
export function letterHead(doc: Doc, company: string, customer: Customer, title: string) {
  doc.font(FONTS.regular).fontSize(8).fillColor(COLORS.muted).text(pdfText(company));
  doc.moveDown(1.2).font(FONTS.regular).fontSize(10).fillColor(COLORS.text);
  const address = [customer.name, customer.street, [customer.postcode, customer.city].filter(Boolean).join(' '), customer.country && customer.country !== 'DE' ? customer.country : null]
    .filter((line): line is string => !!line && line.trim() !== '');
  for (const line of address) doc.text(pdfText(line));
  doc.moveDown(2).font(FONTS.bold).fontSize(18).fillColor(COLORS.accent).text(pdfText(title));
}

/** A quote version as a letter on A4: sender, customer address, number and dates, positions, totals with VAT per rate. */
export function renderQuotePdf(data: QuotePdfData): Promise<Buffer> {
  const { lang, quote, version, customer } = data;
  const L = QUOTE_PDF_LABELS[lang];
  const page = pageFrame(50);
  const { doc, done } = createPdfDocument({ margin: page.margin, title: `${L.quote} ${quote.number} – ${data.company}`, subject: L.quote, lang });
  const width = contentWidth(doc);
  const left = doc.page.margins.left;

  letterHead(doc, data.company, customer, `${L.quote} ${quote.number}`);
  if (version.sentAt === null) doc.font(FONTS.italic).fontSize(10).fillColor(COLORS.muted).text(pdfText(L.draft));
  doc.moveDown(0.5);
  const facts: Array<[string, string]> = [
    [L.date, dayOf(lang, version.sentAt ? new Date(version.sentAt) : data.now)],
    [L.version, String(version.version)],
    [L.customerNumber, customer.number],
    ...(quote.validUntil ? [[L.validUntil, day(lang, quote.validUntil)] as [string, string]] : []),
    ...(quote.subject ? [[L.subject, quote.subject] as [string, string]] : []),
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
  const currency = quote.currency;
  const descriptionWidth = width - 30 - 50 - 70 - 45 - 75 - 60;
  wrappingTable(
    doc,
    [
      { header: C.position, width: 30 },
      { header: C.description, width: descriptionWidth },
      { header: C.quantity, width: 50, align: 'right' },
      { header: C.unitPrice, width: 70, align: 'right' },
      { header: C.discount, width: 45, align: 'right' },
      { header: C.net, width: 75, align: 'right' },
      { header: C.delivery, width: 60, align: 'right' },
    ],
    version.positions.map((p, i) => [
      String((i + 1) * 10),
      p.text,
      num(lang, p.quantityMilli / 1000, p.quantityMilli % 1000 === 0 ? 0 : 3),
      money(lang, p.unitPriceCents, currency),
      p.discountBasisPoints ? `${num(lang, p.discountBasisPoints / 100, 2)} %` : '',
      money(lang, p.netCents, currency),
      p.deliveryDate ? day(lang, p.deliveryDate) : '',
    ]),
  );

  const totals: string[][] = [
    [L.net, money(lang, version.totals.netCents, currency)],
    ...version.totals.vat.map((v) => [L.vat(num(lang, v.vatBasisPoints / 100, v.vatBasisPoints % 100 === 0 ? 0 : 2), money(lang, v.baseCents, currency)), money(lang, v.taxCents, currency)]),
    [L.gross, money(lang, version.totals.grossCents, currency)],
  ];
  ensureSpace(doc, 14 * totals.length + 40);
  const totalsLeft = left + width - 260;
  for (const [i, [label, value]] of totals.entries()) {
    const bold = i === 0 || i === totals.length - 1;
    const y = doc.y;
    doc.font(bold ? FONTS.bold : FONTS.regular).fontSize(9.5).fillColor(COLORS.text);
    doc.text(pdfText(label!), totalsLeft, y, { width: 170 });
    doc.text(pdfText(value!), totalsLeft + 170, y, { width: 90, align: 'right' });
  }
  doc.x = left;
  doc.moveDown(1.5).font(FONTS.regular).fontSize(9.5).text(pdfText(L.closing.replace('{{currency}}', currency)), left, doc.y, { width });

  finishPdf(doc, `${data.company} · ${L.quote} ${quote.number}`, L.page);
  return done();
}

/**
 * A table whose cells wrap (a position's description is the customer's reading, it is never cut
 * off), with the header repeated after a page break. The kernel's table keeps cells to one line.
 */
export function wrappingTable(doc: Doc, columns: Column[], rows: string[][], size = 8.5): void {
  const left = doc.page.margins.left;
  const width = columns.reduce((sum, c) => sum + c.width, 0);
  const heightOf = (cells: string[], font: string) => {
    doc.font(font).fontSize(size);
    return Math.max(...cells.map((text, i) => doc.heightOfString(pdfText(text), { width: columns[i]!.width - 4 }))) + 6;
  };
  const drawRow = (cells: string[], font: string, height: number, stripe: boolean) => {
    const y = doc.y;
    if (stripe) doc.rect(left, y, width, height).fill(COLORS.stripe);
    doc.font(font).fontSize(size).fillColor(COLORS.text);
    let x = left;
    columns.forEach((c, i) => {
      doc.text(pdfText(cells[i] ?? ''), x + 2, y + 3, { width: c.width - 4, align: c.align ?? 'left' });
      x += c.width;
    });
    doc.y = y + height;
  };
  const header = columns.map((c) => c.header);
  const headerHeight = heightOf(header, FONTS.bold);
  const drawHeader = () => {
    drawRow(header, FONTS.bold, headerHeight, false);
    doc.moveTo(left, doc.y).lineTo(left + width, doc.y).lineWidth(0.7).strokeColor(COLORS.muted).stroke();
  };
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  if (doc.y + headerHeight + heightOf(rows[0] ?? header, FONTS.regular) > bottom()) {
    doc.addPage();
    doc.y = doc.page.margins.top;
  }
  drawHeader();
  rows.forEach((row, r) => {
    const height = heightOf(row, FONTS.regular);
    if (doc.y + height > bottom()) {
      doc.addPage();
      doc.y = doc.page.margins.top;
      drawHeader();
    }
    drawRow(row, FONTS.regular, height, r % 2 === 1);
  });
  doc.moveTo(left, doc.y).lineTo(left + width, doc.y).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
  doc.x = left;
  doc.moveDown(0.8);
}
