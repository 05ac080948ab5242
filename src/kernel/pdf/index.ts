export { pdfText } from './pdf-text.js';
export { A4, COLORS, FONTS, FOOTER_SPACE, contentWidth, createPdfDocument, ensureSpace, finishPdf, heading, pageFrame, type Doc, type PageFrame, type PdfLang } from './pdf-document.js';
export { table, type Column } from './pdf-table.js';
export { chartSvg, drawChart, drawSvg, type ChartOption } from './pdf-chart.js';
