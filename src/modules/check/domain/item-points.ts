import type { AnswerValue } from './answers.js';
import type { Item } from './questionnaire-schema.js';

/**
 * Points an answered value earns on a scored item (between 0 and maxPointsOf(item)).
 * Numbers earn the points of the last band whose `from` is not above the value.
 */
export function pointsFor(item: Item, value: AnswerValue): number {
  switch (item.type) {
    case 'boolean':
      return item.points ? (value === true ? item.points.yes : item.points.no) : 0;
    case 'scale':
      return item.points?.[value as number] ?? 0;
    case 'choice':
      return item.options.find((o) => o.value === value)?.points ?? 0;
    case 'number':
    case 'integer': {
      let points = 0;
      for (const band of item.bands ?? []) if ((value as number) >= band.from) points = band.points;
      return points;
    }
  }
}
