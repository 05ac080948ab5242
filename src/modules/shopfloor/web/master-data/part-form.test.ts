import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { partBody } from '../../schemas';
import type { Part } from '../../schemas';
import { emptyOperation, emptyParameter, formToPart, idFromLabel, move, parseDecimal, partHints, partToForm } from './part-form';

const WC = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

const part: Part = {
  id: 'x',
  number: 'KON-117',
  name: 'Konsole',
  serialised: false,
  operations: [
    {
      id: 'o1', position: 1, name: 'Schweißen', workCentreId: WC, setupMinutes: 15, idealCycleSeconds: 42.5,
      parameters: [
        { id: 'strom', label: { de: 'Strom', en: 'Current' }, type: 'number', required: true, unit: 'A', target: 180, lowerTolerance: 5, upperTolerance: 7.5 },
        { id: 'gas', label: { de: 'Gas', en: 'Gas' }, type: 'choice', required: false, options: ['Argon', 'Mischgas'] },
        { id: 'note', label: { de: 'Notiz', en: 'Note' }, type: 'text', required: false },
      ],
    },
    { id: 'o2', position: 2, name: 'Prüfen', workCentreId: WC, setupMinutes: 0, idealCycleSeconds: 30, parameters: [] },
  ],
};

describe('part and routing editor model', () => {
  it('converts a part to the editor and back to the same API body', () => {
    const form = partToForm(part);
    expect(partHints(form)).toEqual([]);
    const body = formToPart(form);
    expect(body).toEqual({ number: part.number, name: part.name, serialised: false, operations: part.operations.map(({ id: _id, position: _p, ...o }) => o) });
    expect(partBody.safeParse(body).success).toBe(true);
  });

  it('reads German decimal commas and refuses other text', () => {
    expect(partToForm(part, true).operations[0].idealCycleSeconds).toBe('42,5');
    expect(formToPart(partToForm(part, true)).operations[0].idealCycleSeconds).toBe(42.5);
    expect(parseDecimal('24,5')).toBe(24.5);
    expect(parseDecimal(' 0.25 ')).toBe(0.25);
    expect(parseDecimal('')).toBeUndefined();
    expect(parseDecimal('1.000,5')).toBeNaN();
    expect(parseDecimal('abc')).toBeNaN();
  });

  it('derives a valid id from a label and fills the missing language', () => {
    expect(idFromLabel('Drahtvorschub (m/min)')).toBe('drahtvorschub-m-min');
    expect(idFromLabel('Größe')).toBe('groesse');
    expect(idFromLabel('2. Lage')).toBe('p-2-lage');
    const op = { ...emptyOperation(WC), name: 'Lasern', idealCycleSeconds: '40', parameters: [{ ...emptyParameter(), labelDe: 'Schneidgas', type: 'text' as const }] };
    const body = formToPart({ number: 'P', name: 'Teil', serialised: false, operations: [op] });
    expect(body.operations[0].parameters[0]).toEqual({ id: 'schneidgas', label: { de: 'Schneidgas', en: 'Schneidgas' }, type: 'text', required: false });
  });

  it('names what the server would refuse at the API paths', () => {
    const form = partToForm(part);
    const p = form.operations[0].parameters;
    p[0] = { ...p[0], target: '', lowerTolerance: '-1' };
    p[1] = { ...p[1], options: 'Argon\nArgon' };
    p[2] = { ...p[2], id: 'strom' };
    form.operations[1] = { ...form.operations[1], idealCycleSeconds: '0', setupMinutes: 'x' };
    expect(partHints(form)).toEqual([
      { path: 'operations.0.parameters.0.lowerTolerance', code: 'negative' },
      { path: 'operations.0.parameters.0.target', code: 'toleranceNeedsTarget' },
      { path: 'operations.0.parameters.1.options', code: 'optionsTwice' },
      { path: 'operations.0.parameters.2.id', code: 'idTwice' },
      { path: 'operations.1.setupMinutes', code: 'notANumber' },
      { path: 'operations.1.idealCycleSeconds', code: 'positive' },
    ]);
  });

  it('accepts on the server every routing the editor finds no fault with', () => {
    const text = fc.constantFrom('', ' ', '0', '-1', '2,5', '10', 'x', '180');
    const param = fc.record({ labelDe: fc.constantFrom('', 'Strom', 'Gas'), labelEn: fc.constantFrom('', 'Current'), id: fc.constantFrom('', 'a', '1x', 'strom'), type: fc.constantFrom('number', 'text', 'choice', 'photo'), unit: fc.constantFrom('', 'A'), target: text, lowerTolerance: text, upperTolerance: text, options: fc.constantFrom('', 'A\nB', 'A\nA') });
    const op = fc.record({ name: fc.constantFrom('', 'Lasern'), setupMinutes: text, idealCycleSeconds: text, parameters: fc.array(param, { maxLength: 3 }) });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 3 }), (ops) => {
        const form = { number: 'P-1', name: 'Teil', serialised: false, operations: ops.map((o) => ({ ...emptyOperation(WC), ...o, parameters: o.parameters.map((p) => ({ ...emptyParameter(), ...p, type: p.type as 'number' })) })) };
        if (partHints(form).length === 0) expect(partBody.safeParse(formToPart(form)).error?.issues).toBeUndefined();
      }),
    );
  });

  it('moves an item up and down and leaves the ends alone', () => {
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});
