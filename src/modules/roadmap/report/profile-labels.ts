import { loadServerMessages } from '../../../kernel/i18n/server-messages.js';
import type { CompanyProfile } from '../../../kernel/profile/company-profile.js';
import { FEDERAL_STATE_NAMES, WZ2008_DIVISIONS } from '../../../kernel/profile/wz2008-divisions.js';

type Lang = 'de' | 'en';
type Choices = Record<string, string>;
interface ProfileChoiceLabels {
  series: Choices;
  complexity: Choices;
  region: Choices;
  valueChain: Choices;
}

/**
 * The choice labels the profile page shows, from the module's server messages (`profileChoices`;
 * a test keeps them equal to the web app's).
 */
const messages = loadServerMessages<{ profileChoices: ProfileChoiceLabels }>(new URL('../server-i18n/', import.meta.url));

const CHOICES: Record<Lang, ProfileChoiceLabels> = { de: messages.de.profileChoices, en: messages.en.profileChoices };

/** A company profile in words: each field's label, or undefined when the field is not given. An unknown code is shown as it is. */
export function profileTexts(profile: CompanyProfile, lang: Lang) {
  const choice = (group: keyof ProfileChoiceLabels, code: string | undefined) => (code === undefined ? undefined : (CHOICES[lang][group][code] ?? code));
  const division = profile.industry ? WZ2008_DIVISIONS.find((d) => d.code === profile.industry) : undefined;
  const state = profile.state as keyof typeof FEDERAL_STATE_NAMES | undefined;
  return {
    employees: profile.employees,
    industry: profile.industry === undefined ? undefined : division ? `${division.code} – ${division[lang]}` : profile.industry,
    state: state === undefined ? undefined : (FEDERAL_STATE_NAMES[state]?.[lang] ?? state),
    region: choice('region', profile.region),
    series: choice('series', profile.series),
    complexity: choice('complexity', profile.complexity),
    valueChain: choice('valueChain', profile.valueChain),
  };
}
