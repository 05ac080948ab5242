import { z } from 'zod';
import { companyProfileSchema, sizeClassOf, wzSectionOf, type SizeClass } from '../../../kernel/profile/company-profile.js';
import { getQuestionnaire, CURRENT_QUESTIONNAIRE_VERSION } from '../questionnaire/questionnaires.js';
import { validateAnswers } from './answer-validation.js';
import { answerState, type Answers } from './answers.js';
import { compareWithBenchmarks, type BenchmarkComparison } from './benchmarks.js';
import { classify, type Classifications } from './classifications.js';
import { scoreDimensions, type DimensionScore } from './dimension-score.js';
import { NOT_APPLICABLE, type Questionnaire } from './questionnaire-schema.js';
import { studyIndustryOf, type StudyIndustry } from './study-industry.js';
import { visibleItemIds } from './visibility.js';

export const checkInputSchema = z.strictObject({
  profile: companyProfileSchema.default({}),
  answers: z.record(z.string(), z.unknown()),
  /** Defaults to the current version. */
  questionnaireVersion: z.string().optional(),
});
export type CheckInput = z.input<typeof checkInputSchema>;

export interface CheckInputIssue {
  /** The offending item id, or the input path (e.g. "profile.employees"). */
  itemId: string;
  message: string;
}

export class CheckInputError extends Error {
  constructor(readonly issues: CheckInputIssue[]) {
    super(issues.map((i) => i.message).join('\n'));
    this.name = 'CheckInputError';
  }
}

export interface CheckResult extends Omit<Classifications, 'details'> {
  questionnaireVersion: string;
  profile: { sizeClass: SizeClass | null; wzSection: string | null; studyIndustry: StudyIndustry | null };
  dimensions: DimensionScore[];
  classificationDetails: Classifications['details'];
  benchmarks: BenchmarkComparison[];
  progress: { visibleItems: number; answeredItems: number };
}

/** Answers as the classifications and benchmarks see them: hidden items count as "na". */
function effectiveAnswers(questionnaire: Questionnaire, answers: Answers): Answers {
  const visible = visibleItemIds(questionnaire, answers);
  const effective: Answers = {};
  for (const item of questionnaire.items) {
    if (!visible.has(item.id)) effective[item.id] = NOT_APPLICABLE;
    else if (answers[item.id] !== undefined) effective[item.id] = answers[item.id]!;
  }
  return effective;
}

/** Scores a check; throws CheckInputError naming every offending item or field. */
export function scoreCheck(input: unknown): CheckResult {
  const parsed = checkInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new CheckInputError(
      parsed.error.issues.map((i) => {
        const path = i.path.map(String).join('.') || '(input)';
        return { itemId: path, message: `${path}: ${i.message}` };
      }),
    );
  }
  const { profile, answers: rawAnswers } = parsed.data;
  const version = parsed.data.questionnaireVersion ?? CURRENT_QUESTIONNAIRE_VERSION;
  let questionnaire: Questionnaire;
  try {
    questionnaire = getQuestionnaire(version);
  } catch (error) {
    throw new CheckInputError([{ itemId: 'questionnaireVersion', message: `questionnaireVersion: ${(error as Error).message}` }]);
  }
  const validation = validateAnswers(questionnaire, rawAnswers);
  if (!validation.ok) throw new CheckInputError(validation.issues.map((i) => ({ itemId: i.itemId, message: i.message })));
  const answers = validation.answers;

  const effective = effectiveAnswers(questionnaire, answers);
  const classes = classify(effective);
  const visible = visibleItemIds(questionnaire, answers);
  const { details, ...classifications } = classes;
  return {
    questionnaireVersion: questionnaire.version,
    profile: {
      sizeClass: profile.employees === undefined ? null : sizeClassOf(profile.employees),
      wzSection: profile.industry === undefined ? null : (wzSectionOf(profile.industry) ?? null),
      studyIndustry: studyIndustryOf(profile.industry),
    },
    dimensions: scoreDimensions(questionnaire, answers),
    ...classifications,
    classificationDetails: details,
    benchmarks: compareWithBenchmarks(profile, effective, classes),
    progress: {
      visibleItems: visible.size,
      answeredItems: questionnaire.items.filter((i) => visible.has(i.id) && answerState(i, answers[i.id]) !== 'absent').length,
    },
  };
}
