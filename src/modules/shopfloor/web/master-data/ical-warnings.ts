/**
 * The iCal parser on the server reports skipped or shortened events as English sentences
 * (domain/ical-holidays.ts). These patterns turn them into a key and parameters for the user's
 * language; a sentence that matches none is shown as it is.
 */
const PATTERNS: Array<[RegExp, string, string[]]> = [
  [/^event (.+) has no DTSTART and was skipped$/, 'noStart', ['event']],
  [/^event (.+) is not an all-day event \(DTSTART (.+)\) and was skipped$/, 'timed', ['event', 'value']],
  [/^event (.+) has an invalid date (.+) and was skipped$/, 'invalidDate', ['event', 'value']],
  [/^event (.+) has an unusable DTEND (.+); only its first day was taken$/, 'badEnd', ['event', 'value']],
  [/^event (.+) has an unusable DURATION (.+); only its first day was taken$/, 'badDuration', ['event', 'value']],
  [/^event (.+) repeats without end; its days up to (\S+) were taken$/, 'repeats', ['event', 'date']],
  [/^the file contains no BEGIN:VCALENDAR/, 'notCalendar', []],
];

export interface IcalWarning { key: string | null; params: Record<string, string>; text: string }

export function readIcalWarning(text: string): IcalWarning {
  for (const [pattern, key, names] of PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const params = Object.fromEntries(names.map((n, i) => [n, match[i + 1]]));
    if (params.event !== undefined) {
      const quoted = /^"(.*)"$/.exec(params.event);
      params.summary = quoted ? quoted[1] : '';
    }
    return { key: params.summary === '' && params.event !== undefined ? `${key}Unnamed` : key, params, text };
  }
  return { key: null, params: {}, text };
}
