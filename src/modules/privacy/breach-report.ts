import { DASHBOARD_TIME_ZONE } from '../../kernel/dashboard/dashboard.service.js';
import { type Locale, translate } from '../../kernel/i18n/server-messages.js';
import { COLORS, FONTS, createPdfDocument, ensureSpace, finishPdf, heading, pdfText } from '../../kernel/pdf/index.js';
import type { Breach } from './schemas.js';

/**
 * The documentation of a breach (Art. 33 (5)): the facts, the assessment, the notice as drafted now,
 * and the notices given. Times in the firm's zone, named.
 */
export async function breachReport(breach: Breach, lang: Locale): Promise<Buffer> {
  const t = (key: string, params: Record<string, string | number> = {}) => translate(lang, `privacyReport.${key}`, params);
  const when = (iso: string | null) => (iso === null ? t('unknown') : new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: DASHBOARD_TIME_ZONE, timeZoneName: 'short' }).format(new Date(iso)));
  const number = (n: number | null) => (n === null ? t('unknown') : new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB').format(n));
  const { doc, done } = createPdfDocument({ title: `${t('title')}: ${breach.title}`, subject: t('subject'), lang, margin: 56 });

  doc.font(FONTS.bold).fontSize(18).fillColor(COLORS.text).text(pdfText(breach.title));
  doc.moveDown(0.3).font(FONTS.regular).fontSize(9).fillColor(COLORS.muted).text(pdfText(t('notLegalAdvice')));
  doc.moveDown(1);

  const field = (label: string, value: string) => {
    ensureSpace(doc, 40);
    doc.font(FONTS.bold).fontSize(9.5).fillColor(COLORS.muted).text(pdfText(label));
    doc.font(FONTS.regular).fontSize(10.5).fillColor(COLORS.text).text(pdfText(value));
    doc.moveDown(0.5);
  };

  heading(doc, t('facts'));
  field(t('becameKnownAt'), when(breach.becameKnownAt));
  field(t('occurred'), breach.occurredFrom || breach.occurredTo ? `${when(breach.occurredFrom)} – ${when(breach.occurredTo)}` : t('unknown'));
  field(t('deadline'), when(breach.clock.deadline));
  field(t('clock'), t(`clockState.${breach.clock.state}`));

  heading(doc, t('assessment'));
  field(t('riskLabel'), t(`risk.${breach.risk}`));
  if (breach.riskReason) field(t('riskReason'), breach.riskReason);
  field(t('subjectsDutyLabel'), t(`subjectsDuty.${breach.subjectsDuty}`));
  field(t('authorityNotifiedAt'), breach.authorityNotifiedAt ? when(breach.authorityNotifiedAt) : t('notYet'));
  if (breach.authorityReference) field(t('authorityReference'), breach.authorityReference);
  field(t('subjectsInformedAt'), breach.subjectsInformedAt ? when(breach.subjectsInformedAt) : t('notYet'));

  heading(doc, t('draft'), t('draftNote'));
  for (const section of breach.draft) {
    const counted = section.id === 'subjects' || section.id === 'records';
    const text = section.text === null ? t('toFollow') : counted ? `${section.text} (${t('about', { count: number(section.count) })})` : section.text;
    field(t(`section.${section.id}`), text);
  }

  if (breach.notices.length > 0) {
    heading(doc, t('notices'));
    for (const n of breach.notices) field(t(`recipient.${n.recipient}`), [when(n.sentAt), n.reference].filter(Boolean).join(' · '));
  }
  if (breach.openDuties.length > 0) {
    heading(doc, t('openDuties'));
    for (const d of breach.openDuties) field('•', t(`duty.${d}`));
  }
  finishPdf(doc, `${t('title')} · ${breach.title}`, (i, n) => t('page', { i, n }));
  return done();
}
