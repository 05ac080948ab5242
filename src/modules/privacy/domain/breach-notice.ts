/**
 * What a notice to the supervisory authority must contain (GDPR Art. 33 (3)), drafted from what was
 * recorded. Information not yet known may follow in phases (Art. 33 (4)): a section without content
 * is marked as to follow, never filled with a guess.
 */

export const NOTICE_SECTIONS = ['nature', 'subjects', 'records', 'contact', 'consequences', 'measures', 'delay'] as const;
export type NoticeSection = (typeof NOTICE_SECTIONS)[number];

export interface NoticeInput {
  nature: string | null;
  subjectCategories: string | null;
  subjectCount: number | null;
  recordCategories: string | null;
  recordCount: number | null;
  contact: string | null;
  consequences: string | null;
  measures: string | null;
  /** Only for a notice given after the 72 hours. */
  delayReason: string | null;
  late: boolean;
}

export interface NoticeDraftSection {
  id: NoticeSection;
  text: string | null;
  /** Approximate number where the article asks for one (people, records). */
  count: number | null;
  complete: boolean;
}

const filled = (s: string | null) => (s === null || s.trim() === '' ? null : s.trim());

export function noticeDraft(input: NoticeInput): NoticeDraftSection[] {
  const section = (id: NoticeSection, text: string | null, count: number | null = null, needsCount = false): NoticeDraftSection => {
    const t = filled(text);
    return { id, text: t, count, complete: t !== null && (!needsCount || count !== null) };
  };
  const sections = [
    section('nature', input.nature),
    section('subjects', input.subjectCategories, input.subjectCount, true),
    section('records', input.recordCategories, input.recordCount, true),
    section('contact', input.contact),
    section('consequences', input.consequences),
    section('measures', input.measures),
  ];
  return input.late ? [...sections, section('delay', input.delayReason)] : sections;
}

/** The sections still to follow in a later phase. */
export const missingSections = (draft: readonly NoticeDraftSection[]): NoticeSection[] => draft.filter((s) => !s.complete).map((s) => s.id);
