import type { CompanyProfile } from '../../../kernel/profile/company-profile.js';
import { type Doc, ensureSpace, heading as kernelHeading, pageFrame } from '../../../kernel/pdf/index.js';
import type { CompletedCheck } from '../../check/index.js';
import type { PlanView, SuggestionView } from '../schemas.js';

export interface ReportData {
  lang: 'de' | 'en';
  createdAt: Date;
  company: { name: string; profile: CompanyProfile };
  latest: CompletedCheck | null;
  previous: CompletedCheck | null;
  suggestions: SuggestionView[];
  plan: PlanView;
}

/** A4 with the board report's wider side margin. */
export const PAGE = pageFrame(50);

export type { Doc };
export { ensureSpace };

/** Starts a section on a fresh page with a heading and an optional note. */
export function sectionPage(doc: Doc, title: string, note?: string) {
  doc.addPage();
  heading(doc, title, note);
}

export function heading(doc: Doc, title: string, note?: string) {
  kernelHeading(doc, title, note, { size: 16, noteSize: 9, gap: 0.8 });
}

export function formatDate(d: Date | string, lang: 'de' | 'en') {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'de-DE', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(d));
}
