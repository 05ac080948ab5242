import { describe, expect, it } from 'vitest';
import { storedChoice } from './stored-choice.js';

describe('storedChoice', () => {
  const choices = ['open', 'completed'] as const;

  it('returns a value that is one of the choices', () => {
    expect(storedChoice(choices, 'completed')).toBe('completed');
  });

  it('refuses a value outside the choices', () => {
    expect(() => storedChoice(choices, 'closed')).toThrow(/"closed" is not one of open, completed/);
  });
});
