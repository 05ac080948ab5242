/**
 * What is wrong with a field, in words, from the API's validation message (the server's field
 * messages are English): "too short – at least 10 characters", "not an e-mail address", …
 * Returns a translation key with its values, or null for a message it does not know (then only the
 * field's label is shown).
 */
export function fieldReason(message: string): { key: string; values?: Record<string, string> } | null {
  const m = (re: RegExp) => re.exec(message);
  let hit: RegExpExecArray | null;
  if (/invalid email|must be an e-?mail/i.test(message)) return { key: 'fieldReasons.email' };
  if ((hit = m(/expected string to have >=(\d+) characters?/))) return hit[1] === '1' ? { key: 'fieldReasons.empty' } : { key: 'fieldReasons.tooShort', values: { min: hit[1]! } };
  if ((hit = m(/expected string to have <=(\d+) characters?|at most (\d+) characters/))) return { key: 'fieldReasons.tooLong', values: { max: (hit[1] ?? hit[2])! } };
  if ((hit = m(/expected number to be >=?(-?[\d.]+)/))) return { key: 'fieldReasons.tooSmall', values: { min: hit[1]! } };
  if ((hit = m(/expected number to be <=?(-?[\d.]+)/))) return { key: 'fieldReasons.tooLarge', values: { max: hit[1]! } };
  if (/expected int\b|whole number/.test(message)) return { key: 'fieldReasons.notWhole' };
  if (/expected number|must be a (finite )?number/.test(message)) return { key: 'fieldReasons.notNumber' };
  if (/received undefined|must not be empty|required/i.test(message)) return { key: 'fieldReasons.empty' };
  if (/must be \d+ to \d+ digits|digits/i.test(message)) return { key: 'fieldReasons.format' };
  return null;
}
