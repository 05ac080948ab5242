/** `YYYY-MM-DDTHH:mm` in the device's time, as `<input type="datetime-local">` holds it. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

/** The moment an `<input type="datetime-local">` value means on this device; NaN when empty or invalid. */
export const fromLocalInput = (value: string): number => (value ? new Date(value).getTime() : Number.NaN);
