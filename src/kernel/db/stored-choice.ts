/**
 * A text column held to a few values by its table's check constraint, read back as their union
 * type. A value outside them means the schema and the code disagree, and is refused.
 */
export function storedChoice<T extends string>(choices: readonly T[], value: string): T {
  if (!(choices as readonly string[]).includes(value)) throw new Error(`stored value ${JSON.stringify(value)} is not one of ${choices.join(', ')}`);
  return value as T;
}
