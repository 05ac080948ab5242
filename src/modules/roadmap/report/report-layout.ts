import type { CompanyProfile } from '../../../kernel/profile/company-profile.js';
import type { CompletedCheck } from '../../check/index.js';
import type { PlanView, SuggestionView } from '../schemas.js';
import { pdfText } from './pdf-text.js';

export interface ReportData {
  lang: 'de' | 'en';
  createdAt: Date;
  company: { name: string; profile: CompanyProfile };
  latest: CompletedCheck | null;
  previous: CompletedCheck | null;
  suggestions: SuggestionView[];
  plan: PlanView;
}

/** A4 in points; the margins leave room for the footer with the page number. */
export const PAGE = { width: 595.28, height: 841.89, margin: 50, bottom: 60 };

export type Doc = PDFKit.PDFDocument;

/** Starts a section on a fresh page with a heading and an optional note. */
export function sectionPage(doc: Doc, title: string, note?: string) {
  doc.addPage();
  heading(doc, title, note);
}

export function heading(doc: Doc, title: string, note?: string) {
  doc.font('Helvetica-Bold').fontSize(16).fillColor('#1c5d99').text(pdfText(title));
  if (note) doc.moveDown(0.2).font('Helvetica').fontSize(9).fillColor('#495057').text(pdfText(note));
  doc.moveDown(0.8).fillColor('#212529');
}

/** Adds a page when `height` does not fit below the current position. */
export function ensureSpace(doc: Doc, height: number) {
  if (doc.y + height > PAGE.height - PAGE.bottom) doc.addPage();
}

export function formatDate(d: Date | string, lang: 'de' | 'en') {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'de-DE', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(d));
}

