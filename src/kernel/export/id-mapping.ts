import { createHmac, randomBytes } from 'node:crypto';

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * How the ids of an imported company are translated. The company and its people are mapped
 * explicitly; every other id is kept, or, when the company already exists on this instance
 * (a copy), replaced by a fresh id derived from the old one with a per-import secret: the same
 * old id always gives the same new id, so references resolve wherever they are (foreign keys,
 * links between modules without a foreign key, ids inside JSON) without a table of all ids in
 * memory. The new id keeps the old id's first 48 bits (the time of a UUIDv7), so ids still sort
 * by creation time.
 */
export class IdMapping {
  readonly people = new Map<string, string>();
  /** Recently derived ids: the same few (a device, a machine) recur on every row of a large table. */
  private readonly recent = new Map<string, string>();

  /** `salt` only to reproduce a mapping (tests); by default a random one per import. */
  constructor(readonly oldCompanyId: string, readonly newCompanyId: string, readonly fresh: boolean, private readonly salt: Buffer = randomBytes(32)) {}

  map(id: string): string {
    const key = id.toLowerCase();
    const person = this.people.get(key);
    if (person) return person;
    if (key === this.oldCompanyId) return this.newCompanyId;
    if (!this.fresh) return key;
    let derived = this.recent.get(key);
    if (derived === undefined) {
      if (this.recent.size >= 10_000) this.recent.clear();
      derived = this.derive(key);
      this.recent.set(key, derived);
    }
    return derived;
  }

  private derive(id: string): string {
    const hex = id.replace(/-/g, '');
    const mac = createHmac('sha256', this.salt).update(hex).digest();
    const bytes = Buffer.concat([Buffer.from(hex.slice(0, 12), 'hex'), mac.subarray(0, 10)]);
    bytes[6] = (bytes[6]! & 0x0f) | 0x70;
    bytes[8] = (bytes[8]! & 0x3f) | 0x80;
    const h = bytes.toString('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  /** A JSON value with every string (and key) that is a UUID mapped. */
  mapJson(value: unknown): unknown {
    if (typeof value === 'string') return UUID_PATTERN.test(value) ? this.map(value) : value;
    if (Array.isArray(value)) return value.map((v) => this.mapJson(v));
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[UUID_PATTERN.test(k) ? this.map(k) : k] = this.mapJson(v);
      return out;
    }
    return value;
  }
}
