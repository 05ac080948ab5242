import type { ParameterType } from '../../domain/process-parameters';
import type { Part, PartBody } from '../../schemas';
import { newKey } from './calendar-form';

/** Every parameter type of the domain; a new type fails to compile here until the editor offers it. */
const TYPE_HAS: Record<ParameterType, { numberFields: boolean; options: boolean }> = {
  number: { numberFields: true, options: false },
  text: { numberFields: false, options: false },
  choice: { numberFields: false, options: true },
  photo: { numberFields: false, options: false },
};
export const PARAMETER_TYPES = Object.keys(TYPE_HAS) as ParameterType[];
export const typeHas = (type: ParameterType) => TYPE_HAS[type];

/** Editor state: numbers as typed (German decimal comma allowed), options one per line. */
export interface ParameterForm {
  key: string;
  id: string;
  labelDe: string;
  labelEn: string;
  type: ParameterType;
  required: boolean;
  unit: string;
  target: string;
  lowerTolerance: string;
  upperTolerance: string;
  options: string;
}
export interface OperationForm { key: string; name: string; workCentreId: string; setupMinutes: string; idealCycleSeconds: string; parameters: ParameterForm[] }
export interface PartForm { number: string; name: string; serialised: boolean; operations: OperationForm[] }


export function emptyParameter(): ParameterForm {
  return { key: newKey(), id: '', labelDe: '', labelEn: '', type: 'number', required: false, unit: '', target: '', lowerTolerance: '', upperTolerance: '', options: '' };
}
export function emptyOperation(workCentreId = ''): OperationForm {
  return { key: newKey(), name: '', workCentreId, setupMinutes: '0', idealCycleSeconds: '', parameters: [] };
}

/** `decimalComma`: numbers are shown as German users type them (92,5). */
export function partToForm(part?: Part, decimalComma = false): PartForm {
  const show = (n: number | undefined) => (n === undefined ? '' : decimalComma ? String(n).replace('.', ',') : String(n));
  if (!part) return { number: '', name: '', serialised: false, operations: [] };
  return {
    number: part.number,
    name: part.name,
    serialised: part.serialised,
    operations: part.operations.map((o) => ({
      key: newKey(),
      name: o.name,
      workCentreId: o.workCentreId,
      setupMinutes: show(o.setupMinutes),
      idealCycleSeconds: show(o.idealCycleSeconds),
      parameters: o.parameters.map((p) => ({
        key: newKey(),
        id: p.id,
        labelDe: p.label.de,
        labelEn: p.label.en,
        type: p.type,
        required: p.required,
        unit: p.unit ?? '',
        target: show(p.target),
        lowerTolerance: show(p.lowerTolerance),
        upperTolerance: show(p.upperTolerance),
        options: (p.options ?? []).join('\n'),
      })),
    })),
  };
}

/** "24,5" and "24.5" are the same number; empty is no number; anything else is NaN. */
export function parseDecimal(text: string): number | undefined {
  const t = text.trim().replace(/\s/g, '');
  if (t === '') return undefined;
  if (!/^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/.test(t)) return Number.NaN;
  return Number(t.replace(',', '.'));
}

/** A stable id from a label: "Strom (A)" → "strom-a"; umlauts spelled out. */
export function idFromLabel(label: string): string {
  const slug = label
    .toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return /^[a-z]/.test(slug) ? slug : slug ? `p-${slug}`.slice(0, 40) : '';
}

const options = (text: string) => text.split('\n').map((o) => o.trim()).filter(Boolean);

/** The API body. Unparseable numbers are sent as NaN-free nulls only after `partHints` is empty. */
export function formToPart(form: PartForm): PartBody {
  return {
    number: form.number.trim(),
    name: form.name.trim(),
    serialised: form.serialised,
    operations: form.operations.map((o) => ({
      name: o.name.trim(),
      workCentreId: o.workCentreId,
      setupMinutes: parseDecimal(o.setupMinutes) ?? 0,
      idealCycleSeconds: parseDecimal(o.idealCycleSeconds) ?? 0,
      parameters: o.parameters.map((p) => {
        const labelDe = p.labelDe.trim();
        const has = typeHas(p.type);
        const num = (text: string) => (has.numberFields ? parseDecimal(text) : undefined);
        const def = {
          id: p.id.trim() || idFromLabel(labelDe || p.labelEn),
          label: { de: labelDe || p.labelEn.trim(), en: p.labelEn.trim() || labelDe },
          type: p.type,
          required: p.required,
          unit: has.numberFields && p.unit.trim() ? p.unit.trim() : undefined,
          target: num(p.target),
          lowerTolerance: num(p.lowerTolerance),
          upperTolerance: num(p.upperTolerance),
          options: has.options ? options(p.options) : undefined,
        };
        return Object.fromEntries(Object.entries(def).filter(([, v]) => v !== undefined)) as PartBody['operations'][number]['parameters'][number];
      }),
    })),
  };
}

export type PartHintCode = 'required' | 'notANumber' | 'negative' | 'positive' | 'toleranceNeedsTarget' | 'optionsMissing' | 'optionsTwice' | 'idTwice' | 'idInvalid';

/** What the server would refuse, with the API's field paths below `body`, shown at the fields before saving. */
export function partHints(form: PartForm): Array<{ path: string; code: PartHintCode }> {
  const hints: Array<{ path: string; code: PartHintCode }> = [];
  const add = (path: string, code: PartHintCode) => hints.push({ path, code });
  if (!form.number.trim()) add('number', 'required');
  if (!form.name.trim()) add('name', 'required');
  const body = formToPart(form);
  form.operations.forEach((o, i) => {
    const at = `operations.${i}`;
    if (!o.name.trim()) add(`${at}.name`, 'required');
    if (!o.workCentreId) add(`${at}.workCentreId`, 'required');
    const setup = parseDecimal(o.setupMinutes);
    if (setup !== undefined && Number.isNaN(setup)) add(`${at}.setupMinutes`, 'notANumber');
    else if (setup !== undefined && setup < 0) add(`${at}.setupMinutes`, 'negative');
    const cycle = parseDecimal(o.idealCycleSeconds);
    if (cycle === undefined) add(`${at}.idealCycleSeconds`, 'required');
    else if (Number.isNaN(cycle)) add(`${at}.idealCycleSeconds`, 'notANumber');
    else if (cycle <= 0) add(`${at}.idealCycleSeconds`, 'positive');
    o.parameters.forEach((p, j) => {
      const pat = `${at}.parameters.${j}`;
      const def = body.operations[i].parameters[j];
      if (!def.label.de) add(`${pat}.label.de`, 'required');
      if (!def.id) add(`${pat}.id`, 'required');
      else if (!/^[A-Za-z][A-Za-z0-9_-]{0,39}$/.test(def.id)) add(`${pat}.id`, 'idInvalid');
      else if (body.operations[i].parameters.findIndex((q) => q.id === def.id) < j) add(`${pat}.id`, 'idTwice');
      if (typeHas(p.type).numberFields) {
        for (const field of ['target', 'lowerTolerance', 'upperTolerance'] as const) {
          const n = parseDecimal(p[field]);
          if (n !== undefined && Number.isNaN(n)) add(`${pat}.${field}`, 'notANumber');
          else if (n !== undefined && n < 0 && field !== 'target') add(`${pat}.${field}`, 'negative');
        }
        if ((p.lowerTolerance.trim() || p.upperTolerance.trim()) && !p.target.trim()) add(`${pat}.target`, 'toleranceNeedsTarget');
      }
      if (typeHas(p.type).options) {
        const list = options(p.options);
        if (list.length === 0) add(`${pat}.options`, 'optionsMissing');
        else if (new Set(list).size !== list.length) add(`${pat}.options`, 'optionsTwice');
      }
    });
  });
  return hints;
}

/** Moves the item at `index` by `by` places (−1 up, +1 down); out of range leaves the list as it is. */
export function move<T>(list: readonly T[], index: number, by: number): T[] {
  const to = index + by;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const copy = [...list];
  const [item] = copy.splice(index, 1);
  copy.splice(to, 0, item);
  return copy;
}
