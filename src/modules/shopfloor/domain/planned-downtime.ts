import { type Interval, normalize, subtract } from './intervals';
import type { WorkCentreInterval } from './kpis';

/** An applied booking as far as downtime is concerned, in the order the server applied them. */
export interface DowntimeBooking {
  readonly operationId: string;
  readonly kind: string;
  /** Device time, epoch ms. */
  readonly at: number;
  readonly reason: string | null;
}

/**
 * Planned downtime (ISO 22400) from the pauses of the work centres' operations: the time from a pause
 * whose reason is classed planned to the operation's next resume or finish (or `now` while it is
 * still paused). Minus the run time of every operation of the same work centre: while another
 * operation runs on the machine, the machine is not down. Pauses with an unplanned reason (or an
 * unknown one) stay inside the planned production time and lower the availability.
 */
export function plannedPauseDowntime(
  applied: readonly DowntimeBooking[],
  workCentreOf: ReadonlyMap<string, string>,
  isPlanned: (reason: string | null) => boolean,
  runs: readonly WorkCentreInterval[],
  now: number,
): WorkCentreInterval[] {
  const openPause = new Map<string, DowntimeBooking>();
  const down = new Map<string, Interval[]>();
  const close = (pause: DowntimeBooking, end: number) => {
    const centre = workCentreOf.get(pause.operationId);
    if (!centre || !isPlanned(pause.reason) || end <= pause.at) return;
    down.set(centre, [...(down.get(centre) ?? []), { start: pause.at, end }]);
  };
  for (const b of applied) {
    if (b.kind === 'pause') {
      openPause.set(b.operationId, b);
    } else if (b.kind === 'resume' || b.kind === 'finish') {
      const pause = openPause.get(b.operationId);
      if (pause) close(pause, b.at);
      openPause.delete(b.operationId);
    }
  }
  for (const pause of openPause.values()) close(pause, now);

  const out: WorkCentreInterval[] = [];
  for (const [workCentreId, intervals] of down) {
    const running = runs.filter((r) => r.workCentreId === workCentreId);
    for (const i of subtract(normalize(intervals), normalize(running))) out.push({ workCentreId, ...i });
  }
  return out;
}
