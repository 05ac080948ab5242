import { newSecretToken } from '../../kernel/auth/secret-token.js';
import { uuidv7 } from '../../kernel/db/uuid-v7.js';
import type { DemoContext } from '../../kernel/modules/module-manifest.js';
import { demoWorkingWindows, phasesOnWorkCentres, seededRandom, workCentres } from '../shopfloor/index.js';
import { acknowledgeAlarm, insertRule, listAlarms } from './alarms.store.js';
import type { Sample } from './domain/payload.js';
import { type DeviceIdentity, insertMachine } from './machines.store.js';
import { insertDevice } from './devices.store.js';
import { insertPoint } from './points.store.js';
import { writeSamples } from './sample-writer.js';
import { DEMO_GATEWAY, DEMO_POINTS, laserValues, nextLaserTemperature, noiseFrom, welderValues } from './demo-signals.js';

const MINUTE = 60_000;

export const samplesAt = (ts: number, values: Record<string, number>): Sample[] => Object.entries(values).map(([point, value]) => ({ point, ts, value }));
const DAYS = 3;
const BATCH = 25_000;

interface Interval { start: number; end: number }
const inside = (list: readonly Interval[], t: number) => list.some((i) => t >= i.start && t < i.end);

/** When the work centre's operations ran (from the shop-floor bookings), limited to shift time. */
async function runningTimes(ctx: DemoContext, workCentreId: string | null, shifts: readonly Interval[], now: number): Promise<Interval[]> {
  if (!workCentreId) return shifts.map((s) => ({ ...s }));
  const phases = await phasesOnWorkCentres(ctx.db, ctx.tenantId, [workCentreId]);
  return phases.filter((p) => p.phase === 'running').map((p) => ({ start: p.start, end: p.end ?? now }));
}

async function createMachine(ctx: DemoContext, name: string, description: string, workCentreId: string | null, points: ReadonlyArray<[string, string, string]>) {
  const id = uuidv7();
  await insertMachine(ctx.db, ctx.tenantId, id, { name, description, workCentreId });
  const pointIds = new Map<string, string>();
  for (const [point, label, unit] of points) {
    const pointId = uuidv7();
    await insertPoint(ctx.db, ctx.tenantId, id, pointId, { name: point, label, unit, type: 'number', source: 'http' });
    pointIds.set(point, pointId);
  }
  // The token is thrown away: whoever wants to connect a real device creates a new credential.
  const deviceId = uuidv7();
  await insertDevice(ctx.db, ctx.tenantId, id, deviceId, DEMO_GATEWAY, newSecretToken().hash);
  const device: DeviceIdentity = { tenantId: ctx.tenantId, deviceId, machineId: id };
  return { id, pointIds, device };
}

/**
 * Two machines on the demo work centres with three days of minute values that follow the shop-floor
 * bookings (current flows while an order runs), a temperature rule with hysteresis and one past,
 * acknowledged alarm raised by an overheating laser.
 */
export async function machinesDemo(ctx: DemoContext): Promise<void> {
  const now = Math.floor(Date.now() / MINUTE) * MINUTE;
  const from = now - DAYS * 24 * 60 * MINUTE;
  const centres = await workCentres(ctx.db, ctx.tenantId).catch(() => []);
  const centre = (code: string) => centres.find((c) => c.code === code)?.id ?? null;

  const welder = await createMachine(ctx, 'Schweißroboter 1', 'MAG-Schweißroboter am Schweißplatz 1', centre('SCHW-1'), DEMO_POINTS.welder);
  const laser = await createMachine(ctx, 'Laser', 'Faserlaser-Schneidanlage', centre('LAS-1'), DEMO_POINTS.laser);
  await insertRule(ctx.db, ctx.tenantId, laser.id, uuidv7(), {
    pointId: laser.pointIds.get('temperature')!, name: 'Laserquelle zu warm', severity: 'warning', enabled: true,
    rule: { kind: 'threshold', direction: 'high', limit: 45, hysteresis: 3, minDurationSeconds: 120 },
  });

  const shifts = demoWorkingWindows(from, now);
  const weldRuns = await runningTimes(ctx, centre('SCHW-1'), shifts, now);
  const laserRuns = await runningTimes(ctx, centre('LAS-1'), shifts, now);
  // The cooling of the laser source failed once for about twenty minutes while cutting.
  let overheatAt = now - 36 * 60 * MINUTE;
  for (let t = from + 12 * 60 * MINUTE; t < now - 4 * 60 * MINUTE; t += MINUTE) {
    if (inside(laserRuns, t) && inside(shifts, t)) { overheatAt = t + 30 * MINUTE; break; }
  }

  const noise = noiseFrom(seededRandom(7));
  let temperature = 24;
  let pending: Array<{ device: DeviceIdentity; samples: Sample[]; source: 'http' }> = [];
  let count = 0;
  const flush = async () => {
    if (count === 0) return;
    await writeSamples(ctx.db, pending);
    pending = [];
    count = 0;
  };
  for (let ts = from; ts <= now; ts += MINUTE) {
    const welding = inside(weldRuns, ts) && inside(shifts, ts);
    const cutting = inside(laserRuns, ts) && inside(shifts, ts);
    const overheating = ts >= overheatAt && ts < overheatAt + 20 * MINUTE;
    temperature = nextLaserTemperature(temperature, cutting, overheating, noise);
    pending.push(
      { device: welder.device, source: 'http', samples: samplesAt(ts, welderValues(welding, noise)) },
      { device: laser.device, source: 'http', samples: samplesAt(ts, laserValues(cutting, temperature, noise)) },
    );
    count += 5;
    if (count >= BATCH) await flush();
  }
  await flush();

  // The past alarm was dealt with: acknowledged by the owner, so it is history, not an open alarm.
  for (const alarm of await listAlarms(ctx.db, ctx.tenantId, { machineId: laser.id })) {
    if (alarm.clearedAt) await acknowledgeAlarm(ctx.db, ctx.tenantId, laser.id, alarm.id, ctx.ownerId);
  }
}
