/**
 * What the QR code of an order paper holds, and how the terminal reads it.
 *
 * Format (one QR per operation): `WV1:<order number>:<operation position>`, the order number
 * percent-encoded (encodeURIComponent), e.g. `WV1:A-1001:20` or `WV1:A%3A7:1`. `WV1` names the format
 * and its version. Without the position (`WV1:A-1001`) the code opens the whole order.
 *
 * The terminal also accepts the plain order number (a hardware scanner typing like a keyboard), a
 * link to the terminal (`…/shopfloor/terminal?order=A-1001&op=20`) and `werkverbund:order:A-1001`.
 */

export interface OrderCode {
  readonly order: string;
  /** Position of the operation within the order; null = the whole order. */
  readonly operation: number | null;
}

/** The text of an order paper's QR code for the order and, optionally, one of its operations. */
export function encodeOrderCode(orderNumber: string, operationPosition?: number | null): string {
  const order = orderNumber.trim();
  if (order === '') throw new RangeError('order number must not be empty');
  if (operationPosition === undefined || operationPosition === null) return `WV1:${encodeURIComponent(order)}`;
  if (!Number.isInteger(operationPosition) || operationPosition < 1) throw new RangeError('operation position must be a whole number ≥ 1');
  return `WV1:${encodeURIComponent(order)}:${operationPosition}`;
}

const position = (text: string | null | undefined): number | null => {
  if (!text || !/^\d{1,6}$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return n >= 1 ? n : null;
};

/** Order number and operation from what a scanner or the keyboard delivered. */
export function parseOrderCodeDetail(text: string): OrderCode {
  const raw = text.trim();
  const v1 = /^WV1:([^:]+)(?::([^:]*))?$/i.exec(raw);
  if (v1) {
    try {
      return { order: decodeURIComponent(v1[1]).trim(), operation: position(v1[2]) };
    } catch {
      return { order: v1[1].trim(), operation: position(v1[2]) };
    }
  }
  const prefixed = /^werkverbund:order:(.+)$/i.exec(raw);
  if (prefixed) return { order: prefixed[1].trim(), operation: null };
  if (/^https?:\/\//i.test(raw)) {
    try {
      const url = new URL(raw);
      const fromLink = url.searchParams.get('order');
      if (fromLink) return { order: fromLink.trim(), operation: position(url.searchParams.get('op')) };
    } catch {
      // not a link after all: use the text as it is
    }
  }
  return { order: raw, operation: null };
}

/** The order number alone (see parseOrderCodeDetail). */
export function parseOrderCode(text: string): string {
  return parseOrderCodeDetail(text).order;
}
