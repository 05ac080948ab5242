import { readJsonInput, type CliCommand } from '../../kernel/cli-command.js';
import { companyProfileSchema } from '../../kernel/profile/company-profile.js';
import { type Answers, CheckInputError, getQuestionnaire, scoreCheck, visibleItemIds } from '../check/public.js';
import { measureCatalogue } from './catalogue/measure-catalogue.js';
import { suggestMeasures } from './domain/suggest.js';

const SUGGEST_USAGE =
  'usage: werkverbund roadmap suggest [--input FILE] [--lang de|en]   (JSON {"profile": {...}, "answers": {...}} from FILE or stdin, as for `check score`)';

function languageOf(args: string[]): 'de' | 'en' {
  const i = args.indexOf('--lang');
  if (i < 0) return 'de';
  const lang = args[i + 1];
  if (lang !== 'de' && lang !== 'en') throw new Error('--lang must be de or en');
  return lang;
}

const suggest: CliCommand = async (args, io) => {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(`${SUGGEST_USAGE}\n`);
    return 0;
  }
  try {
    const lang = languageOf(args);
    const input = await readJsonInput(args, io);
    const result = scoreCheck(input);
    // scoreCheck has validated the input; answers to items the questionnaire hides (e.g. the
    // cloud section when no cloud is used) are dropped, as the check ignores them too.
    const { profile, answers } = input as { profile?: unknown; answers: Answers };
    const visible = visibleItemIds(getQuestionnaire(result.questionnaireVersion), answers);
    const shown = Object.fromEntries(Object.entries(answers).filter(([id]) => visible.has(id)));
    const suggestions = suggestMeasures(
      { result, answers: shown, profile: companyProfileSchema.parse(profile ?? {}) },
      measureCatalogue,
    );
    const output = {
      suggestions: suggestions.map((s) => ({
        id: s.id,
        title: s.measure.title[lang],
        dimensions: s.measure.dimensions,
        reason: s.reason[lang],
        reasonItems: s.reasonItems,
        effort: s.effort,
        benefit: s.benefit,
        quadrant: s.quadrant,
        dependsOn: s.dependsOn,
      })),
    };
    io.stdout(`${JSON.stringify(output, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof CheckInputError) {
      io.stderr(`invalid check input:\n${error.issues.map((i) => `  ${i.message}`).join('\n')}\n`);
    } else {
      io.stderr(`${(error as Error).message}\n`);
    }
    return 1;
  }
};

/** Commands of `werkverbund roadmap …`. */
export const roadmapCommands: Record<string, CliCommand> = { suggest };
