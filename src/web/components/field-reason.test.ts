import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { fieldReason } from './field-reason';

describe('field reasons from the API\'s validation messages', () => {
  it('says what is wrong for the messages zod writes', () => {
    const schema = z.object({ email: z.email(), password: z.string().min(10), name: z.string().trim().min(1).max(5), employees: z.int().min(1), share: z.number().max(3) });
    const issues = schema.safeParse({ email: 'x', password: 'abc', name: 'viel zu lang', employees: 0, share: 9 }).error!.issues;
    expect(issues.map((i) => fieldReason(i.message))).toEqual([
      { key: 'fieldReasons.email' },
      { key: 'fieldReasons.tooShort', values: { min: '10' } },
      { key: 'fieldReasons.tooLong', values: { max: '5' } },
      { key: 'fieldReasons.tooSmall', values: { min: '1' } },
      { key: 'fieldReasons.tooLarge', values: { max: '3' } },
    ]);
    expect(fieldReason(schema.safeParse({ email: 'a@b.de', password: 'x'.repeat(10), name: '', employees: 2.5, share: 'a' }).error!.issues[0]!.message)).toEqual({ key: 'fieldReasons.empty' });
    expect(fieldReason('Invalid input: expected int, received number')).toEqual({ key: 'fieldReasons.notWhole' });
    expect(fieldReason('something else entirely')).toBeNull();
  });
});
