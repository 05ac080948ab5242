import { z } from 'zod';

/** The nine dimensions of the Digital-Check, in display order. */
export const DIMENSION_IDS = [
  'strategy',
  'businessModel',
  'people',
  'customers',
  'data',
  'production',
  'security',
  'cooperation',
  'organisation',
] as const;
export type DimensionId = (typeof DIMENSION_IDS)[number];

/** Answers every item accepts besides its own values: "not applicable" and "don't know". */
export const NOT_APPLICABLE = 'na';
export const UNKNOWN = 'unknown';

const id = z.string().regex(/^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9-]*)*$/, 'ids are dot-separated camelCase words');

export const localizedSchema = z.object({ de: z.string().min(1), en: z.string().min(1) });
export type Localized = z.infer<typeof localizedSchema>;

/** A value a condition compares a screener answer with. */
const conditionValue = z.union([z.boolean(), z.number(), z.string()]);

export type Condition =
  | { item: string; equals: boolean | number | string }
  | { item: string; in: Array<boolean | number | string> }
  | { item: string; atLeast: number }
  | { any: Condition[] }
  | { all: Condition[] };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ item: z.string(), equals: conditionValue }),
    z.strictObject({ item: z.string(), in: z.array(conditionValue).min(1) }),
    z.strictObject({ item: z.string(), atLeast: z.number() }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
  ]),
);

const feedSchema = z.strictObject({ dimension: z.enum(DIMENSION_IDS), weight: z.number().positive() });
const points = z.number().min(0);

const itemBase = {
  id,
  section: z.string(),
  text: localizedSchema,
  why: localizedSchema,
  /** Dimensions this item feeds; empty for pure classification items. */
  feeds: z.array(feedSchema).default([]),
  showIf: conditionSchema.optional(),
};

const booleanItem = z.strictObject({
  ...itemBase,
  type: z.literal('boolean'),
  points: z.strictObject({ yes: points, no: points }).optional(),
});

const choiceItem = z.strictObject({
  ...itemBase,
  type: z.literal('choice'),
  options: z
    .array(z.strictObject({ value: z.string().min(1), label: localizedSchema, points: points.optional() }))
    .min(2),
});

const scaleItem = z.strictObject({
  ...itemBase,
  type: z.literal('scale'),
  /** Labels of the steps 0–4. */
  steps: z.array(localizedSchema).length(5),
  /** Points of the steps 0–4. */
  points: z.array(points).length(5).optional(),
});

/** Points of a numeric answer: the points of the last band whose `from` is ≤ the answer. */
const bandsSchema = z.array(z.strictObject({ from: z.number(), points })).min(1);

const numberItem = z.strictObject({
  ...itemBase,
  type: z.literal('number'),
  min: z.number(),
  max: z.number(),
  unit: localizedSchema.optional(),
  bands: bandsSchema.optional(),
});

const integerItem = z.strictObject({
  ...itemBase,
  type: z.literal('integer'),
  min: z.number().int(),
  max: z.number().int().optional(),
  unit: localizedSchema.optional(),
  bands: bandsSchema.optional(),
});

export const itemSchema = z.discriminatedUnion('type', [booleanItem, choiceItem, scaleItem, numberItem, integerItem]);
export type Item = z.infer<typeof itemSchema>;
export type ItemType = Item['type'];

export const dimensionSchema = z.strictObject({
  id: z.enum(DIMENSION_IDS),
  name: localizedSchema,
  /** Plain-language description of the levels 1–5; level n+1 describes "the next level". */
  levels: z.array(localizedSchema).length(5),
});
export type Dimension = z.infer<typeof dimensionSchema>;

export const sectionSchema = z.strictObject({
  id,
  title: localizedSchema,
  /** Screener sections come first and are always shown; their answers drive `showIf`. */
  screener: z.boolean().default(false),
  showIf: conditionSchema.optional(),
});
export type Section = z.infer<typeof sectionSchema>;

/** Whether an item contributes points to a dimension score. */
export function isScored(item: Item): boolean {
  return item.feeds.length > 0;
}

function conditionItems(condition: Condition): string[] {
  if ('any' in condition) return condition.any.flatMap(conditionItems);
  if ('all' in condition) return condition.all.flatMap(conditionItems);
  return [condition.item];
}

function hasScoring(item: Item): boolean {
  switch (item.type) {
    case 'boolean':
    case 'scale':
      return item.points !== undefined;
    case 'choice':
      return item.options.every((o) => o.points !== undefined);
    case 'number':
    case 'integer':
      return item.bands !== undefined;
  }
}

function hasAnyScoring(item: Item): boolean {
  return item.type === 'choice' ? item.options.some((o) => o.points !== undefined) : hasScoring(item);
}

/** The largest points an answer to a scored item can earn; 0 for unscored items. */
export function maxPointsOf(item: Item): number {
  switch (item.type) {
    case 'boolean':
      return item.points ? Math.max(item.points.yes, item.points.no) : 0;
    case 'scale':
      return item.points ? Math.max(...item.points) : 0;
    case 'choice':
      return Math.max(0, ...item.options.map((o) => o.points ?? 0));
    case 'number':
    case 'integer': {
      if (!item.bands) return 0;
      const reachable = item.bands.filter((b) => item.max === undefined || b.from <= item.max);
      return Math.max(0, ...reachable.map((b) => b.points));
    }
  }
}

export const questionnaireSchema = z
  .strictObject({
    version: z.string().regex(/^\d{4}\.\d+$/, 'version is YEAR.N, e.g. 2026.1'),
    title: localizedSchema,
    dimensions: z.array(dimensionSchema),
    sections: z.array(sectionSchema).min(1),
    items: z.array(itemSchema).min(1),
  })
  .superRefine((q, ctx) => {
    const issue = (message: string, path: Array<string | number>) => ctx.addIssue({ code: 'custom', message, path });

    const dimensionIds = q.dimensions.map((d) => d.id);
    for (const d of DIMENSION_IDS) {
      const count = dimensionIds.filter((x) => x === d).length;
      if (count !== 1) issue(`dimension ${d} must appear exactly once (found ${count})`, ['dimensions']);
    }

    const sections = new Map<string, Section>();
    q.sections.forEach((s, i) => {
      if (sections.has(s.id)) issue(`duplicate section id ${s.id}`, ['sections', i, 'id']);
      sections.set(s.id, s);
    });

    const items = new Map<string, Item>();
    q.items.forEach((item, i) => {
      if (items.has(item.id)) issue(`duplicate item id ${item.id}`, ['items', i, 'id']);
      items.set(item.id, item);
    });

    const checkCondition = (condition: Condition, path: Array<string | number>) => {
      for (const ref of conditionItems(condition)) {
        const target = items.get(ref);
        if (!target) issue(`condition refers to unknown item ${ref}`, path);
        else if (!sections.get(target.section)?.screener) issue(`condition refers to ${ref}, which is not a screener item`, path);
      }
    };
    q.sections.forEach((s, i) => {
      if (s.showIf && s.screener) issue(`screener section ${s.id} cannot be conditional`, ['sections', i, 'showIf']);
      if (s.showIf) checkCondition(s.showIf, ['sections', i, 'showIf']);
    });

    q.items.forEach((item, i) => {
      const path = ['items', i];
      const section = sections.get(item.section);
      if (!section) issue(`item ${item.id} refers to unknown section ${item.section}`, [...path, 'section']);
      if (item.showIf) checkCondition(item.showIf, [...path, 'showIf']);
      if (section?.screener && item.showIf) issue(`screener item ${item.id} cannot be conditional`, [...path, 'showIf']);
      const feedsDims = item.feeds.map((f) => f.dimension);
      if (new Set(feedsDims).size !== feedsDims.length) issue(`item ${item.id} feeds a dimension twice`, [...path, 'feeds']);
      if (isScored(item) && !hasScoring(item)) issue(`item ${item.id} feeds a dimension but has no complete scoring`, path);
      if (!isScored(item) && hasAnyScoring(item)) issue(`item ${item.id} has scoring but feeds no dimension`, path);
      if (isScored(item) && maxPointsOf(item) <= 0) issue(`item ${item.id} can never earn points`, path);
      if (item.type === 'choice') {
        const values = item.options.map((o) => o.value);
        if (new Set(values).size !== values.length) issue(`item ${item.id} has duplicate options`, [...path, 'options']);
        if (values.includes(NOT_APPLICABLE)) issue(`item ${item.id}: "${NOT_APPLICABLE}" is reserved for "not applicable"`, [...path, 'options']);
      }
      if ((item.type === 'number' || item.type === 'integer') && item.max !== undefined && item.min > item.max) {
        issue(`item ${item.id}: min is greater than max`, path);
      }
      if ((item.type === 'number' || item.type === 'integer') && item.bands) {
        const froms = item.bands.map((b) => b.from);
        if (froms.some((f, k) => k > 0 && f <= froms[k - 1]!)) issue(`item ${item.id}: bands must ascend`, [...path, 'bands']);
        if (froms[0]! > item.min) issue(`item ${item.id}: the first band must start at or below min`, [...path, 'bands']);
      }
    });
  });

export type Questionnaire = z.infer<typeof questionnaireSchema>;

/** Parses questionnaire data; throws a readable error listing every problem. */
export function parseQuestionnaire(data: unknown): Questionnaire {
  const parsed = questionnaireSchema.safeParse(data);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`invalid questionnaire:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
