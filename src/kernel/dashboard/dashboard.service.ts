import type { AppContext, TenantContext } from '../http/app-context.js';
import type { DashboardContext, DashboardNextStep, DashboardTileData } from './dashboard-types.js';
import { readStartPathChoice } from './start-path-store.js';

export interface DashboardTile extends DashboardTileData {
  /** `<module>.<tile>`. */
  id: string;
  module: string;
}

export interface StartStep {
  /** `<module>.<step>`. */
  id: string;
  module: string;
  minutes: number;
  status: 'done' | 'started' | 'open' | 'skipped';
  link: string;
}

export interface DashboardView {
  tiles: DashboardTile[];
  startPath: {
    hidden: boolean;
    /** Every step done or skipped. */
    complete: boolean;
    steps: StartStep[];
    /** The first step neither done nor skipped. */
    current: string | null;
  };
  /** What to do next, most urgent first (at most three): the start path's step, then the tiles'. */
  next: Array<DashboardNextStep & { id: string; module: string; kind: 'startStep' | 'tile' }>;
}

/** The company's time zone for days and months (one for now: the firms are German). */
export const DASHBOARD_TIME_ZONE = 'Europe/Berlin';

/**
 * The home page of a company for the caller: the tiles and start steps of every switched-on
 * module whose permission the caller's role holds, each computed by its module. A tile that fails
 * is left out (and logged) so one module cannot take the home page down.
 */
export async function dashboardFor(
  app: Pick<AppContext, 'db' | 'registry' | 'access'>,
  tenant: TenantContext,
  options: { now?: Date; log?: { warn(obj: object, msg: string): void } } = {},
): Promise<DashboardView> {
  const { db, registry, access } = app;
  const now = options.now ?? new Date();
  const states = await access.moduleStates(db, registry, tenant.tenantId);
  const enabled = new Set(states.filter((s) => s.enabled).map((s) => s.id));
  const cache = new Map<string, Promise<unknown>>();
  const ctx: DashboardContext = {
    db,
    tenant,
    now,
    timeZone: DASHBOARD_TIME_ZONE,
    may: (permission) => registry.roleHas(tenant.role, permission) && enabled.has(registry.moduleOfPermission(permission).id),
    isModuleEnabled: (id) => enabled.has(id),
    cached: <T>(key: string, load: () => Promise<T>) => {
      if (!cache.has(key)) cache.set(key, load());
      return cache.get(key) as Promise<T>;
    },
  };
  const modules = registry.modules.filter((m) => enabled.has(m.id) && m.dashboard);
  const failed = (what: string) => (error: unknown) => {
    options.log?.warn({ err: error, what }, 'dashboard part failed');
    return undefined;
  };

  const tileJobs = modules.flatMap((m) =>
    (m.dashboard!.tiles ?? [])
      .filter((t) => ctx.may(t.permission))
      .map((t) => t.load(ctx).then((data): DashboardTile => ({ id: `${m.id}.${t.id}`, module: m.id, ...data }), failed(`${m.id}.${t.id}`))),
  );
  const mine = modules
    .flatMap((m) => (m.dashboard!.startSteps ?? []).map((s) => ({ module: m.id, def: s })))
    .filter((s) => ctx.may(s.def.permission))
    .sort((a, b) => a.def.order - b.def.order);
  // a path of one step is no path: a role that can only read (viewer) gets none
  const stepDefs = mine.length >= 2 ? mine : [];
  const [tiles, steps, choice] = await Promise.all([
    Promise.all(tileJobs),
    Promise.all(stepDefs.map((s) => s.def.load(ctx).catch(failed(`${s.module}.${s.def.id}`)))),
    readStartPathChoice(db, tenant.tenantId, tenant.userId),
  ]);

  const skipped = new Set(choice.skipped);
  const path: StartStep[] = stepDefs.flatMap((s, i) => {
    const state = steps[i];
    if (!state) return [];
    const id = `${s.module}.${s.def.id}`;
    const status = state.status !== 'done' && skipped.has(id) ? 'skipped' : state.status;
    return [{ id, module: s.module, minutes: s.def.minutes, status, link: state.link }];
  });
  const current = path.find((s) => s.status === 'open' || s.status === 'started') ?? null;
  const shown = tiles.filter((t): t is DashboardTile => t !== undefined);

  const next: DashboardView['next'] = [];
  if (current && !choice.hidden) next.push({ id: current.id, module: current.module, kind: 'startStep', link: current.link, priority: 10 });
  for (const t of [...shown].filter((x) => x.next).sort((a, b) => b.next!.priority - a.next!.priority)) {
    next.push({ id: t.id, module: t.module, kind: 'tile', ...t.next! });
  }
  return {
    tiles: shown,
    startPath: { hidden: choice.hidden, complete: current === null, steps: path, current: current?.id ?? null },
    next: next.slice(0, 3),
  };
}
