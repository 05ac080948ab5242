import { fillMessage } from '../../../kernel/i18n/server-messages.js';
import { type Doc, createPdfDocument, finishPdf, pageFrame, pdfText } from '../../../kernel/pdf/index.js';
import QRCode from 'qrcode';
import type { Order, WorkCentre } from '../schemas.js';
import { formatNumber } from './kpi-format.js';
import { ORDER_PAPER_LABELS } from './order-paper-labels.js';

export interface OrderPaperData {
  lang: 'de' | 'en';
  company: string;
  printedAt: Date;
  order: Order;
  partName: string;
  workCentres: ReadonlyMap<string, Pick<WorkCentre, 'code' | 'name'>>;
  /** The text held by the QR code of an operation (and printed below it). */
  codeOf: (orderNumber: string, position: number) => string;
}

const PAGE = pageFrame(45);
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const QR_SIZE = 92;
const BLOCK_HEIGHT = QR_SIZE + 34;

/** Draws the QR code as filled squares, so it stays sharp at any print resolution. */
function drawQr(doc: Doc, text: string, x: number, y: number, size: number) {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 2;
  const cell = size / (n + 2 * quiet);
  doc.save().rect(x, y, size, size).fill('#ffffff');
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      if (qr.modules.get(row, col)) doc.rect(x + (col + quiet) * cell, y + (row + quiet) * cell, cell + 0.02, cell + 0.02);
    }
  }
  doc.fill('#000000').restore();
}

function formatDueDate(lang: 'de' | 'en', date: string) {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'de-DE', { weekday: 'short', day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(`${date}T12:00:00Z`));
}

function formatMoment(lang: 'de' | 'en', iso: string | Date) {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(new Date(iso));
}

/** "first … last (n)": the serials of an order are consecutive within their pattern's scope. */
function serialRange(serials: readonly string[], count: string) {
  const n = fillMessage(count, { count: serials.length });
  return serials.length === 1 ? serials[0] : `${serials[0]} … ${serials[serials.length - 1]} (${n})`;
}

/** One order paper (A4): header data and, per operation, a QR code with its code in plain text. */
export function renderOrderPaperPdf(data: OrderPaperData): Promise<Buffer> {
  const { lang, order } = data;
  const L = ORDER_PAPER_LABELS[lang];
  const { doc, done } = createPdfDocument({ margin: PAGE.margin,  title: `${L.title} ${order.number} – ${data.company}`, subject: L.title, lang });

  // ---------------------------------------------------------------- header
  doc.font('Helvetica').fontSize(9).fillColor('#495057').text(pdfText(`${data.company} · ${L.title}`));
  doc.moveDown(0.3).font('Helvetica-Bold').fontSize(26).fillColor('#212529').text(pdfText(`${L.order} ${order.number}`));
  doc.moveDown(0.2).font('Helvetica').fontSize(13).text(pdfText(`${L.part} ${order.partNumber} – ${data.partName}`));
  doc.moveDown(0.8);

  const facts: Array<[string, string]> = [
    [L.quantity, `${formatNumber(lang, order.quantity)} ${L.pieces}`],
    [L.dueDate, order.dueDate ? formatDueDate(lang, order.dueDate) : L.noDueDate],
    [L.customerReference, order.customerReference || L.none],
    [L.priority, `${order.priority} (${L.priorityHint})`],
    [L.released, order.releasedAt ? formatMoment(lang, order.releasedAt) : L.notReleased],
    [L.lot, order.lotNumber ?? L.noLot],
    ...(order.serialNumbers.length > 0 ? [[L.serials, serialRange(order.serialNumbers, L.serialCount)] as [string, string]] : []),
  ];
  const top = doc.y;
  doc.rect(PAGE.margin, top - 6, CONTENT_WIDTH, facts.length * 20 + 8).lineWidth(0.8).strokeColor('#adb5bd').stroke();
  facts.forEach(([label, value], i) => {
    const y = top + i * 20;
    doc.font('Helvetica').fontSize(10).fillColor('#495057').text(pdfText(label), PAGE.margin + 10, y, { width: 130, lineBreak: false });
    doc.font('Helvetica-Bold').fontSize(i < 2 ? 13 : 11).fillColor('#212529').text(pdfText(value), PAGE.margin + 145, y - (i < 2 ? 1.5 : 0), { width: CONTENT_WIDTH - 155, lineBreak: false, ellipsis: true });
  });
  doc.x = PAGE.margin;
  doc.y = top + facts.length * 20 + 18;

  doc.font('Helvetica-Bold').fontSize(14).fillColor('#1c5d99').text(pdfText(L.operations));
  doc.moveDown(0.1).font('Helvetica').fontSize(9).fillColor('#495057').text(pdfText(L.operationsNote));
  doc.moveDown(0.6);

  // ---------------------------------------------------------------- one block per operation
  for (const op of order.operations) {
    if (doc.y + BLOCK_HEIGHT > PAGE.height - PAGE.bottom) {
      doc.addPage();
      doc.font('Helvetica').fontSize(9).fillColor('#495057').text(pdfText(`${L.order} ${order.number} · ${L.part} ${order.partNumber}`), PAGE.margin, PAGE.margin);
      doc.moveDown(0.6);
    }
    const y = doc.y;
    const code = data.codeOf(order.number, op.position);
    doc.rect(PAGE.margin, y, CONTENT_WIDTH, BLOCK_HEIGHT - 8).lineWidth(0.6).strokeColor('#ced4da').stroke();
    drawQr(doc, code, PAGE.margin + 6, y + 6, QR_SIZE);
    doc.font('Courier-Bold').fontSize(8.5).fillColor('#212529')
      .text(pdfText(code), PAGE.margin + 2, y + QR_SIZE + 8, { width: QR_SIZE + 8, align: 'center', lineBreak: false });

    const x = PAGE.margin + QR_SIZE + 20;
    const width = CONTENT_WIDTH - QR_SIZE - 28;
    const wc = data.workCentres.get(op.workCentreId);
    doc.font('Helvetica-Bold').fontSize(14).fillColor('#212529').text(pdfText(`${op.position}. ${op.name}`), x, y + 8, { width, lineBreak: false, ellipsis: true });
    doc.font('Helvetica').fontSize(10).fillColor('#343a40')
      .text(pdfText(`${L.workCentre}: ${wc ? `${wc.code} – ${wc.name}` : '–'}`), x, y + 28, { width, lineBreak: false, ellipsis: true })
      .text(pdfText(`${L.setup}: ${formatNumber(lang, op.setupMinutes, op.setupMinutes % 1 ? 1 : 0)} ${L.minutes} · ${L.cycle}: ${formatNumber(lang, op.idealCycleSeconds, op.idealCycleSeconds % 1 ? 1 : 0)} ${L.seconds}`), x, y + 44, { width, lineBreak: false });
    if (op.parameters.length > 0) {
      const names = op.parameters.map((p) => `${p.label[lang]}${p.unit ? ` (${p.unit})` : ''}`).join(', ');
      doc.fontSize(9).fillColor('#495057').text(pdfText(`${L.parameters}: ${names}`), x, y + 60, { width, height: 24, ellipsis: true });
    }
    doc.font('Helvetica').fontSize(8).fillColor('#868e96').text(pdfText(`${L.notes}:`), x, y + 88, { width, lineBreak: false });
    doc.moveTo(x + 40, y + 97).lineTo(x + width, y + 97).lineWidth(0.4).strokeColor('#ced4da').stroke();
    doc.x = PAGE.margin;
    doc.y = y + BLOCK_HEIGHT;
  }

  finishPdf(doc, `${data.company} · ${L.order} ${order.number} · ${L.printedAt} ${formatMoment(lang, data.printedAt)}`, L.page);
  return done();
}
