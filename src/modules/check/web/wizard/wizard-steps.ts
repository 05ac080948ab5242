import type { Answers } from '../../domain/answers';
import type { Item, Questionnaire, Section } from '../../domain/questionnaire-schema';

export const SUMMARY_STEP = 'summary';

export interface SectionStep {
  section: Section;
  items: Item[];
  answered: number;
}

/** Sections with at least one visible item, in questionnaire order. */
export function sectionSteps(questionnaire: Questionnaire, visible: ReadonlySet<string>, answers: Answers): SectionStep[] {
  return questionnaire.sections
    .map((section) => {
      const items = questionnaire.items.filter((i) => i.section === section.id && visible.has(i.id));
      return { section, items, answered: items.filter((i) => answers[i.id] !== undefined).length };
    })
    .filter((s) => s.items.length > 0);
}

/** Where to resume: the first section with an open question, else the summary. */
export function resumeStep(steps: SectionStep[]): string {
  return steps.find((s) => s.answered < s.items.length)?.section.id ?? SUMMARY_STEP;
}
