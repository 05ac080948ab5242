import { DASHBOARD_TIME_ZONE } from '../../kernel/dashboard/dashboard.service.js';
import { type Locale, translate } from '../../kernel/i18n/server-messages.js';
import { COLORS, FONTS, createPdfDocument, ensureSpace, finishPdf, heading, pdfText } from '../../kernel/pdf/index.js';
import type { SubjectExport } from './subject-requests.schemas.js';

const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** The readable copy of the data (Art. 15 (3)): per module and person, each section as labelled fields. */
export async function subjectExportReport(data: SubjectExport, lang: Locale): Promise<Buffer> {
  const t = (key: string, params: Record<string, string | number> = {}) => translate(lang, `privacySubjectExport.${key}`, params);
  const moment = new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: DASHBOARD_TIME_ZONE });
  const day = (d: string) => new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`));
  const value = (v: string | number | boolean | null) =>
    v === null || v === '' ? '–' : typeof v === 'boolean' ? t(v ? 'yes' : 'no') : typeof v === 'string' && ISO_MOMENT.test(v) ? moment.format(new Date(v)) : String(v);
  const { doc, done } = createPdfDocument({ title: t('title'), subject: t('subject'), lang, margin: 56 });

  doc.font(FONTS.bold).fontSize(18).fillColor(COLORS.text).text(pdfText(t('title')));
  doc.moveDown(0.3).font(FONTS.regular).fontSize(10).fillColor(COLORS.muted)
    .text(pdfText(t('intro', { received: day(data.request.receivedOn), generated: moment.format(new Date(data.generatedAt)) })));
  doc.moveDown(1);

  if (data.people.length === 0) doc.font(FONTS.regular).fontSize(10.5).fillColor(COLORS.text).text(pdfText(t('nobody')));
  for (const person of data.people) {
    ensureSpace(doc, 120);
    heading(doc, `${person.name} · ${person.kind[lang]}`, t('fromModule', { module: person.moduleName[lang] }));
    for (const section of person.sections) {
      ensureSpace(doc, 60);
      doc.font(FONTS.bold).fontSize(11.5).fillColor(COLORS.text).text(pdfText(section.title[lang]));
      doc.moveDown(0.3);
      if (section.records.length === 0) {
        doc.font(FONTS.regular).fontSize(10).fillColor(COLORS.muted).text(pdfText(t('none')));
        doc.moveDown(0.5);
      }
      for (const record of section.records) {
        ensureSpace(doc, 40);
        const line = Object.entries(record).map(([k, v]) => `${section.labels?.[k]?.[lang] ?? k}: ${value(v)}`).join('\n');
        doc.font(FONTS.regular).fontSize(10).fillColor(COLORS.text).text(pdfText(line));
        doc.moveDown(0.5);
      }
    }
  }
  finishPdf(doc, t('title'), (i, n) => t('page', { i, n }));
  return done();
}
