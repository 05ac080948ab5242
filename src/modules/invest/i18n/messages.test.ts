import { describe, expect, it } from 'vitest';
import { DEFAULT_CRITERION_IDS } from '../domain/utility-analysis.js';
import de from './de.json';
import en from './en.json';

function keys(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function text(messages: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
}

describe('invest messages', () => {
  it('have the same keys in German and English, all non-empty texts', () => {
    expect(keys(de).sort()).toEqual(keys(en).sort());
    for (const key of keys(de)) {
      expect(typeof text(de, key) === 'string' && (text(de, key) as string).length > 0, key).toBe(true);
      expect(typeof text(en, key) === 'string' && (text(en, key) as string).length > 0, key).toBe(true);
    }
  });

  it('explain every figure and every default criterion in both languages', () => {
    const wanted = [
      ...['npv', 'irr', 'paybackYears', 'discountedPaybackYears', 'roi'].map((f) => `invest.figures.${f}`),
      ...DEFAULT_CRITERION_IDS.map((id) => `invest.criteria.${id}`),
      'invest.discountRate',
      'invest.utility',
    ];
    for (const key of wanted) {
      for (const part of ['label', 'explanation']) {
        expect(typeof text(de, `${key}.${part}`), `${key}.${part}`).toBe('string');
        expect(text(de, `${key}.${part}`), `${key}.${part}`).not.toEqual(text(en, `${key}.${part}`));
      }
    }
  });
});
