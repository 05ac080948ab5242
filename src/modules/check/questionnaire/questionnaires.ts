import { parseQuestionnaire, type Questionnaire } from '../domain/questionnaire-schema.js';
import v2026_1 from './2026.1.json' with { type: 'json' };

/** Every published questionnaire version, oldest first. A published version is never edited. */
const VERSIONS: Record<string, unknown> = { '2026.1': v2026_1 };

export const CURRENT_QUESTIONNAIRE_VERSION = '2026.1';

const cache = new Map<string, Questionnaire>();

/** The validated questionnaire of a version; throws for an unknown version or invalid data. */
export function getQuestionnaire(version: string = CURRENT_QUESTIONNAIRE_VERSION): Questionnaire {
  const cached = cache.get(version);
  if (cached) return cached;
  const data = VERSIONS[version];
  if (data === undefined) throw new Error(`unknown questionnaire version ${version}`);
  const questionnaire = parseQuestionnaire(data);
  if (questionnaire.version !== version) throw new Error(`questionnaire file ${version} declares version ${questionnaire.version}`);
  cache.set(version, questionnaire);
  return questionnaire;
}

export function questionnaireVersions(): string[] {
  return Object.keys(VERSIONS);
}
