import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of each page of a PDF, whitespace collapsed, and each page's size in points (rounded). */
export async function pdfPages(data: Buffer): Promise<Array<{ text: string; size: [number, number] }>> {
  const doc = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, standardFontDataUrl: `${process.cwd()}/node_modules/pdfjs-dist/standard_fonts/` }).promise;
  const pages: Array<{ text: string; size: [number, number] }> = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    pages.push({ text: content.items.map((it) => ('str' in it ? it.str : '')).join(' ').replace(/\s+/g, ' '), size: [Math.round(page.view[2]!), Math.round(page.view[3]!)] });
  }
  await doc.destroy();
  return pages;
}
