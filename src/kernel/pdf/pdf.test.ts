import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { chartSvg, createPdfDocument, drawChart, finishPdf, heading, pdfText, table } from './index.js';

async function pageTexts(data: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, standardFontDataUrl: `${process.cwd()}/node_modules/pdfjs-dist/standard_fonts/` }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' ').replace(/\s+/g, ' '));
  }
  await doc.destroy();
  return pages;
}

describe('PDF text', () => {
  it('keeps Windows-1252 characters and writes the others the typewriter way', () => {
    expect(pdfText('Größe ≥ 5 € – „gut“')).toBe('Größe >= 5 € – „gut“');
    expect(pdfText('3 × 4 ÷ 2 → 6 − 1 ≈ 5')).toBe('3 × 4 ÷ 2 -> 6 - 1 ~ 5');
    expect(pdfText('a\u202fb\u2009c')).toBe('a b c');
    expect(pdfText('日本 🙂')).toBe('?? ?');
  });
});

describe('PDF document', () => {
  it('puts the footer with "page i of n" on every page and repeats the table header after a page break', async () => {
    const { doc, done } = createPdfDocument({ title: 'Prüfbericht', subject: 'Test', lang: 'de', margin: 45 });
    heading(doc, 'Überschrift', 'Eine Anmerkung');
    const rows = Array.from({ length: 120 }, (_, i) => [`Zeile ${i + 1}`, String(i * 2)]);
    table(doc, [{ header: 'Spaltenkopf', width: 200 }, { header: 'Wert', width: 80, align: 'right' }], rows);
    finishPdf(doc, 'Muster GmbH · Prüfbericht', (i, n) => `Seite ${i} von ${n}`);
    const pages = await pageTexts(await done());
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(page).toContain(`Seite ${i + 1} von ${pages.length}`);
      expect(page).toContain('Muster GmbH · Prüfbericht');
      expect(page).toContain('Spaltenkopf');
    });
    expect(pages[0]).toContain('Überschrift');
    expect(pages.join(' ')).toContain('Zeile 120');
  });

  it('embeds a chart as vector graphics with its texts', async () => {
    const option = { xAxis: { type: 'category', data: ['Mo', 'Di'] }, yAxis: { type: 'value' }, series: [{ type: 'bar', data: [3, 7] }] };
    const svg = chartSvg(option, { width: 300, height: 200 });
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain('Mo');
    const { doc, done } = createPdfDocument({ title: 'Chart', subject: 'Test', lang: 'en', margin: 50 });
    const before = doc.y;
    drawChart(doc, option, 200);
    expect(doc.y).toBe(before + 208);
    finishPdf(doc, 'x', (i, n) => `Page ${i} of ${n}`);
    const pages = await pageTexts(await done());
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('Mo');
    expect(pages[0]).toContain('Di');
  });
});
