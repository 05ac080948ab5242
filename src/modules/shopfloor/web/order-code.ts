/**
 * Turns what a scanner or the keyboard delivers into an order number.
 *
 * Hook for QR scanning: an order paper's QR code may hold the plain order number, a link to the
 * terminal (`…/shopfloor/terminal?order=A-1001`) or `werkverbund:order:A-1001`. A camera scanner
 * component only has to pass the decoded text to the terminal's `openByCode` (see TerminalPage);
 * a hardware scanner that types like a keyboard works with the order-number field as it is.
 */
export function parseOrderCode(text: string): string {
  const raw = text.trim();
  const prefixed = /^werkverbund:order:(.+)$/i.exec(raw);
  if (prefixed) return prefixed[1].trim();
  if (/^https?:\/\//i.test(raw)) {
    try {
      const fromLink = new URL(raw).searchParams.get('order');
      if (fromLink) return fromLink.trim();
    } catch {
      // not a link after all: use the text as it is
    }
  }
  return raw;
}
