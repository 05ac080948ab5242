import type { JsonValue } from './schema.generated.js';

/**
 * A json/jsonb column read back as the shape its module validated and wrote: the one place where
 * the generated `Json` type is narrowed to a domain type.
 */
export function storedJson<T>(value: JsonValue): T {
  return value as T;
}
