import { DASHBOARD_TIME_ZONE } from '../../kernel/dashboard/dashboard.service.js';
import { type Locale, translate } from '../../kernel/i18n/server-messages.js';
import { COLORS, FONTS, createPdfDocument, ensureSpace, finishPdf, heading, pdfText } from '../../kernel/pdf/index.js';
import type { RecordView } from './processing-record.service.js';

/** The record of processing activities with items (a)–(g) of Art. 30 (1) for each activity, and its version. */
export async function recordReport(view: RecordView, lang: Locale): Promise<Buffer> {
  const t = (key: string, params: Record<string, string | number> = {}) => translate(lang, `privacyRecord.${key}`, params);
  const date = (iso: string) => new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'long', timeZone: DASHBOARD_TIME_ZONE }).format(new Date(iso));
  const { record } = view;
  const { doc, done } = createPdfDocument({ title: t('title'), subject: t('subject'), lang, margin: 56 });
  const or = (s: string | null) => (s === null || s.trim() === '' ? t('notAnswered') : s);

  doc.font(FONTS.bold).fontSize(18).fillColor(COLORS.text).text(pdfText(t('title')));
  const latest = view.versions[0];
  const state = latest ? t('versionState', { version: latest.version, date: date(latest.confirmedAt) }) : t('noVersion');
  doc.moveDown(0.3).font(FONTS.regular).fontSize(10).fillColor(COLORS.muted).text(pdfText(view.changes.length > 0 && latest ? `${state} ${t('unconfirmed', { count: view.changes.length })}` : state));
  doc.moveDown(0.3).fontSize(9).text(pdfText(t('notLegalAdvice')));
  doc.moveDown(1);

  const field = (label: string, value: string) => {
    ensureSpace(doc, 36);
    doc.font(FONTS.bold).fontSize(9.5).fillColor(COLORS.muted).text(pdfText(label));
    doc.font(FONTS.regular).fontSize(10.5).fillColor(COLORS.text).text(pdfText(value));
    doc.moveDown(0.45);
  };

  heading(doc, t('controller'));
  field(t('field.name'), or(record.controller.name));
  field(t('field.address'), or(record.controller.address));
  field(t('field.contact'), or(record.controller.contact));
  if (record.controller.representative) field(t('field.representative'), record.controller.representative);
  field(t('field.dataProtectionOfficer'), or(record.controller.dataProtectionOfficer));

  record.activities.forEach((a, i) => {
    ensureSpace(doc, 160);
    heading(doc, `${i + 1}. ${a.category[lang]}`, t('fromModule', { module: a.moduleName[lang] }), { size: 12 });
    field(t('field.purpose'), a.purpose[lang]);
    field(t('field.dataSubjects'), a.dataSubjects[lang]);
    field(t('field.category'), a.category[lang]);
    field(t('field.recipients'), or(a.recipients));
    if (a.processors) field(t('field.processors'), a.processors);
    field(t('field.thirdCountries'), a.thirdCountries ?? t('noThirdCountries'));
    field(t('field.retention'), a.retention[lang]);
    field(t('field.measures'), t('seeMeasures'));
  });

  heading(doc, t('measures'));
  field(t('field.measures'), or(record.controller.measures));
  finishPdf(doc, `${record.controller.name ?? ''} · ${t('title')}`, (i, n) => t('page', { i, n }));
  return done();
}
