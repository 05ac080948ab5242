import { BASIS_POINTS } from './money.js';

/** Partial deliveries of a customer order: what each position still lacks, and the order's state. */

export interface PositionToDeliver {
  positionId: string;
  /** thousandths, as on the order */
  orderedMilli: number;
  /** delivered so far (thousandths) */
  deliveredMilli: number;
}

export interface DeliveryLine {
  positionId: string;
  quantityMilli: number;
}

export type DeliveryProblem = 'no-lines' | 'unknown-position' | 'duplicate-position' | 'quantity-not-positive' | 'over-delivery-needs-confirmation';

export type OrderDeliveryState = 'open' | 'partly-delivered' | 'delivered';

/**
 * Every problem of a delivery: each line names an order position once with a positive quantity;
 * delivering more than is still open beyond `marginBasisPoints` of the ordered quantity needs the
 * user's confirmation (as Shop floor's quantity margin does for bookings).
 */
export function deliveryProblems(positions: readonly PositionToDeliver[], lines: readonly DeliveryLine[], marginBasisPoints: number, confirmed: boolean): Array<{ positionId: string | null; problem: DeliveryProblem }> {
  const out: Array<{ positionId: string | null; problem: DeliveryProblem }> = [];
  if (lines.length === 0) out.push({ positionId: null, problem: 'no-lines' });
  const byId = new Map(positions.map((p) => [p.positionId, p]));
  const seen = new Set<string>();
  for (const l of lines) {
    const p = byId.get(l.positionId);
    if (!p) {
      out.push({ positionId: l.positionId, problem: 'unknown-position' });
      continue;
    }
    if (seen.has(l.positionId)) out.push({ positionId: l.positionId, problem: 'duplicate-position' });
    seen.add(l.positionId);
    if (!Number.isSafeInteger(l.quantityMilli) || l.quantityMilli <= 0) {
      out.push({ positionId: l.positionId, problem: 'quantity-not-positive' });
      continue;
    }
    const open = p.orderedMilli - p.deliveredMilli;
    const margin = Math.floor((p.orderedMilli * marginBasisPoints) / BASIS_POINTS);
    if (!confirmed && l.quantityMilli > open + margin) out.push({ positionId: l.positionId, problem: 'over-delivery-needs-confirmation' });
  }
  return out;
}

/** The positions after a (checked) delivery. */
export function applyDelivery(positions: readonly PositionToDeliver[], lines: readonly DeliveryLine[]): PositionToDeliver[] {
  const add = new Map<string, number>();
  for (const l of lines) add.set(l.positionId, (add.get(l.positionId) ?? 0) + l.quantityMilli);
  return positions.map((p) => ({ ...p, deliveredMilli: p.deliveredMilli + (add.get(p.positionId) ?? 0) }));
}

/** Open while nothing is delivered, delivered once every position has its ordered quantity. */
export function orderDeliveryState(positions: readonly PositionToDeliver[]): OrderDeliveryState {
  if (positions.length > 0 && positions.every((p) => p.deliveredMilli >= p.orderedMilli)) return 'delivered';
  if (positions.some((p) => p.deliveredMilli > 0)) return 'partly-delivered';
  return 'open';
}
