import type { Db } from '../db/database.js';
import type { TenantContext } from '../http/app-context.js';

type Localized = { de: string; en: string };

/**
 * What a module's dashboard tile or start step is computed with: the caller's company and role,
 * the moment asked for, and which other modules are switched on.
 */
export interface DashboardContext {
  db: Db;
  tenant: TenantContext;
  now: Date;
  /** IANA time zone the company's days and months are counted in. */
  timeZone: string;
  /** Whether the caller's role holds the permission. */
  may(permission: string): boolean;
  isModuleEnabled(moduleId: string): boolean;
  /** Loads once per home page: tiles and steps of a module asking for the same rows share one query. */
  cached<T>(key: string, load: () => Promise<T>): Promise<T>;
}

/**
 * A figure of a tile. Its words are the module's web translation `<module>.dashboard.<tile>.<id>`;
 * the web app formats the value in the reader's language.
 */
export interface DashboardFigure {
  id: string;
  value: number | string | null;
  /** percent: a fraction (0.75 = 75 %); signed: a change with its sign; date: an ISO day or moment; money: cents. */
  format: 'number' | 'percent' | 'signed' | 'date' | 'dateTime' | 'money';
  digits?: number;
}

/** A line of a tile: a record of the company (a measure, an order, an alarm), linked to its page. */
export interface DashboardEntry {
  /** The record's own name (user data) or a catalogue text in both languages. */
  label: string | Localized;
  /** Path below the company (`/c/:companyId`), e.g. `/roadmap/plan`. */
  link?: string;
  /** One figure next to the label, e.g. a due date or an amount. */
  figure?: DashboardFigure;
}

/** A suggestion what to do next, phrased by `<module>.dashboard.<tile>.next` (with `{{count}}`). */
export interface DashboardNextStep {
  link: string;
  count?: number;
  /** Higher comes first: 3 urgent (alarms, late orders), 2 due work, 1 a good idea. */
  priority: number;
}

/** What a tile shows; titles and texts come from the module's web translations. */
export interface DashboardTileData {
  /** `empty`: the module has no data yet, the tile says how to start (`…empty`, `…start`). */
  state: 'empty' | 'ok' | 'attention';
  /** Path below the company of the page the tile leads to. */
  link: string;
  figures: DashboardFigure[];
  entries?: DashboardEntry[];
  next?: DashboardNextStep;
}

export interface DashboardTileDefinition {
  /** Unique within the module, e.g. `latestCheck`; the tile's id is `<module>.<id>`. */
  id: string;
  /** Shown only to roles holding it (the module must be switched on). */
  permission: string;
  load(ctx: DashboardContext): Promise<DashboardTileData>;
}

/**
 * A step of the start path a new company walks in its first hour (profile → check → results →
 * suggestions → plan). Its words are `<module>.startPath.<id>.*` in the web translations.
 */
export interface StartStepDefinition {
  id: string;
  /** Position on the path, across modules (10, 20, …). */
  order: number;
  /** About how long the step takes. */
  minutes: number;
  permission: string;
  /** Derived from the company's data: done when what the step asks for exists. */
  load(ctx: DashboardContext): Promise<{ status: 'done' | 'started' | 'open'; link: string }>;
}

/** What a module adds to the home page. */
export interface DashboardDeclaration {
  tiles?: DashboardTileDefinition[];
  startSteps?: StartStepDefinition[];
}
