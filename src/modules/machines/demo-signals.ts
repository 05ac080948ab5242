/**
 * What the demo machines measure, minute by minute or live: the welding robot's current, voltage and
 * wire feed while it welds, the laser's power and the temperature of its source. One definition for
 * the demo's history and for the live simulator, so both look alike.
 */
export type DemoProfile = 'welder' | 'laser';

/** The data points of each demo machine: name, label, unit. */
export const DEMO_POINTS: Record<DemoProfile, Array<[string, string, string]>> = {
  welder: [['current', 'Schweißstrom', 'A'], ['voltage', 'Spannung', 'V'], ['wire-feed', 'Drahtvorschub', 'm/min']],
  laser: [['power', 'Leistung', 'kW'], ['temperature', 'Temperatur', '°C']],
};

/** Which demo profile a machine's data points belong to, if any. */
export function demoProfileOf(pointNames: readonly string[]): DemoProfile | undefined {
  const names = new Set(pointNames);
  return (Object.keys(DEMO_POINTS) as DemoProfile[]).find((p) => DEMO_POINTS[p].every(([n]) => names.has(n)));
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/** A random number in [-spread, spread). */
export type Noise = (spread: number) => number;

export const noiseFrom = (rnd: () => number): Noise => (spread) => (rnd() - 0.5) * 2 * spread;

export function welderValues(welding: boolean, noise: Noise): Record<string, number> {
  return {
    current: welding ? round(180 + noise(6), 1) : 0,
    voltage: welding ? round(24 + noise(0.6), 2) : 0,
    'wire-feed': welding ? round(8 + noise(0.3), 2) : 0,
  };
}

/** The laser source's temperature (°C) follows cutting with a lag; overheating is a cooling fault. */
export function nextLaserTemperature(temperature: number, cutting: boolean, overheating: boolean, noise: Noise, minutes = 1): number {
  const target = overheating ? 52 : cutting ? 36 : 23;
  const rate = 1 - (1 - (overheating ? 0.35 : 0.15)) ** minutes;
  return temperature + (target - temperature) * rate + noise(0.3);
}

export function laserValues(cutting: boolean, temperature: number, noise: Noise): Record<string, number> {
  return { power: cutting ? round(4 + noise(0.4), 2) : 0.15, temperature: round(temperature, 1) };
}

/** The name of the demo machines' device credential, by which the live simulator finds them. */
export const DEMO_GATEWAY = 'Demo-Gateway';
