import type { Db } from '../../kernel/db/database.js';
import { DASHBOARD_TIME_ZONE } from '../../kernel/dashboard/dashboard.service.js';
import { type Locale, translate } from '../../kernel/i18n/server-messages.js';
import { COLORS, FONTS, createPdfDocument, ensureSpace, finishPdf, heading, pdfText } from '../../kernel/pdf/index.js';
import { getCompany } from '../../kernel/tenancy/company-store.js';
import type { ConceptView, MyConceptView } from './security-concept.service.js';

/**
 * The security concept as PDF: the adopted version for everyone; for those who keep it (privacy.read)
 * the draft when nothing is adopted yet, and who has acknowledged the adopted version.
 */
export async function conceptReport(db: Db, tenantId: string, full: ConceptView | null, mine: MyConceptView, lang: Locale): Promise<Buffer> {
  const t = (key: string, params: Record<string, string | number> = {}) => translate(lang, `securityConcept.${key}`, params);
  const date = (iso: string) => new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'long', timeZone: DASHBOARD_TIME_ZONE }).format(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso));
  const company = (await getCompany(db, tenantId))?.name ?? '';
  const { doc, done } = createPdfDocument({ title: t('title'), subject: company, lang, margin: 56 });

  doc.font(FONTS.bold).fontSize(18).fillColor(COLORS.text).text(pdfText(`${t('title')} · ${company}`));
  const adopted = mine.current;
  const draft = !adopted && full?.draft ? full.draft : null;
  const state = adopted
    ? t('adoptedState', { version: adopted.version, date: date(adopted.adoptedAt), review: date(adopted.reviewDue) })
    : draft ? t('draftState', { version: draft.version }) : t('none');
  doc.moveDown(0.3).font(FONTS.regular).fontSize(10).fillColor(COLORS.muted).text(pdfText(state));
  doc.moveDown(0.3).fontSize(9).text(pdfText(t('notCertification')));
  doc.moveDown(1);

  const sections = adopted
    ? adopted.sections.map((s) => ({ key: s.key, text: s.text[lang] }))
    : (draft?.sections ?? []).map((s) => ({ key: s.key, text: s.edited ?? s.generated[lang] }));
  sections.forEach((s, i) => {
    ensureSpace(doc, 80);
    heading(doc, `${i + 1}. ${t(`section.${s.key}`)}`, undefined, { size: 12 });
    doc.font(FONTS.regular).fontSize(10.5).fillColor(COLORS.text).text(pdfText(s.text));
    doc.moveDown(0.6);
  });

  if (adopted && full && full.acknowledgements.length > 0) {
    heading(doc, t('acknowledgements', { version: adopted.version }));
    for (const a of full.acknowledgements) {
      ensureSpace(doc, 18);
      doc.font(FONTS.regular).fontSize(10).fillColor(COLORS.text)
        .text(pdfText(`${a.name}: ${a.acknowledgedAt ? t('acknowledgedOn', { date: date(a.acknowledgedAt) }) : t('notAcknowledged')}`));
    }
  }
  finishPdf(doc, `${company} · ${t('title')}`, (i, n) => t('page', { i, n }));
  return done();
}
