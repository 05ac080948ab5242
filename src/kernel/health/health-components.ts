/** The state of a long-running part of the instance (e.g. the embedded MQTT broker). */
export interface ComponentHealth {
  state: 'ok' | 'off' | 'failed';
  /** Short, without secrets: e.g. `port 1883`, or the reason it failed. */
  detail?: string;
}

/**
 * Where modules report the state of what they run besides jobs, for the health details: a
 * module registers a function at start (`ctx.health.set('mqtt', () => …)`) and removes it at
 * stop. Components nobody reported are shown as not started.
 */
export class HealthComponents {
  private readonly probes = new Map<string, () => ComponentHealth>();

  set(id: string, probe: () => ComponentHealth): () => void {
    this.probes.set(id, probe);
    return () => {
      if (this.probes.get(id) === probe) this.probes.delete(id);
    };
  }

  get(id: string): ComponentHealth | null {
    return this.probes.get(id)?.() ?? null;
  }

  ids(): string[] {
    return [...this.probes.keys()];
  }
}
