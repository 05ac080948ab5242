/** `secretUnreadable`: not started, the instance key does not open the stored password (key changed?). */
export type SourceState = 'connecting' | 'connected' | 'disconnected' | 'stopped' | 'secretUnreadable';

/** What the connections page shows of a running connection. */
export interface SourceStatus {
  state: SourceState;
  since: string;
  lastMessageAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  /** Messages (MQTT) or value changes (OPC UA) stored since the connection was started. */
  stored: number;
}

export class StatusTracker {
  readonly status: SourceStatus = { state: 'connecting', since: new Date().toISOString(), lastMessageAt: null, lastError: null, lastErrorAt: null, stored: 0 };

  state(state: SourceState) {
    if (this.status.state === state) return;
    this.status.state = state;
    this.status.since = new Date().toISOString();
  }

  stored(count = 1) {
    this.status.stored += count;
    this.status.lastMessageAt = new Date().toISOString();
  }

  error(message: string) {
    this.status.lastError = message.slice(0, 1000);
    this.status.lastErrorAt = new Date().toISOString();
  }
}

/** Something the runtime keeps running for one connection. */
export interface RunningSource {
  readonly status: SourceStatus;
  stop(): Promise<void>;
}

/** Stores samples of one machine for a connection; resolves after the commit. */
export type SourceSink = (machineId: string, samples: import('../domain/payload.js').Sample[]) => Promise<void>;
