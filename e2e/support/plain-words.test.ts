import { describe, expect, it } from 'vitest';
import { internalNames } from './plain-words.js';

describe('internal names in shown text', () => {
  it('finds ids, keys and catalogue ids', () => {
    expect(internalNames('Vorgang: roadmap.scheduled')).toEqual(['roadmap.scheduled']);
    expect(internalNames('invest.evaluation_created am 3.12.')).toEqual(['invest.evaluation_created']);
    expect(internalNames('shopfloor.orders.title')).toEqual(['shopfloor.orders.title']);
    expect(internalNames('Maßnahme: tablets-shop-floor')).toEqual(['tablets-shop-floor']);
    expect(internalNames('Auftrag 0190f3a2-7c4e-7b21-9d3e-5a6b7c8d9e0f')).toEqual(['0190f3a2-7c4e-7b21-9d3e-5a6b7c8d9e0f']);
  });

  it('leaves words, numbers, dates, addresses and links alone', () => {
    expect(internalNames('Am 07.12.2026 um 14:45 z. B. 1.250,5 € – E-Mail an leitung@kessler.example, siehe https://hooks.example/alarm-critical-path-x.')).toEqual([]);
    expect(internalNames('Baden-Württemberg, Ist-Soll-Vergleich, Schritt 1 von 5, OEE 75,2 %, FA-2026-0042')).toEqual([]);
    expect(internalNames('e.g. an up-to-date, end-to-end view; i.e. opc.tcp://leitstand:4840 and mqtt://broker')).toEqual([]);
  });
});
