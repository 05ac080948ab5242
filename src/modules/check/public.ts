/**
 * The pure part of the Digital-Check that other modules may use anywhere, including in the
 * browser: questionnaire, dimension ids, scoring. Server services are in index.ts.
 */
export type { Answers } from './domain/answers.js';
export type { CheckResult } from './domain/score-check.js';
export type { BenchmarkComparison } from './domain/benchmarks.js';
export type { DimensionId } from './domain/questionnaire-schema.js';
export { DIMENSION_IDS } from './domain/questionnaire-schema.js';
export { CheckInputError, scoreCheck } from './domain/score-check.js';
export { getQuestionnaire } from './questionnaire/questionnaires.js';
export { visibleItemIds } from './domain/visibility.js';
