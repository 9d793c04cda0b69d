import { PolicyViolation } from '@vitrine/platform/domain';

/**
 * A shipment's life: OPEN at the warehouse -> packed and quoted: READY (to
 * dispatch) or AWAITING_PAYMENT (an extra shipping invoice is unpaid) ->
 * DISPATCHED with a carrier and tracking -> DELIVERED or RETURNED_TO_SENDER.
 * An OPEN shipment combined into another one's parcel ends CONSOLIDATED (its
 * orders travel in the other; it stays so the id it was announced with leads there).
 * A replacement part waits for the studio's part (AWAITING_PART) and is
 * packed when it arrives: READY at once, nothing to quote or invoice (the
 * store pays its postage).
 */
export const shipmentStatuses = [
  'OPEN',
  'AWAITING_PART',
  'AWAITING_PAYMENT',
  'READY',
  'DISPATCHED',
  'DELIVERED',
  'RETURNED_TO_SENDER',
  'CONSOLIDATED',
] as const;
export type ShipmentStatus = (typeof shipmentStatuses)[number];

const moves: Record<ShipmentStatus, readonly ShipmentStatus[]> = {
  OPEN: ['READY', 'AWAITING_PAYMENT', 'CONSOLIDATED'],
  AWAITING_PART: ['READY'],
  AWAITING_PAYMENT: ['READY'],
  READY: ['DISPATCHED'],
  DISPATCHED: ['DELIVERED', 'RETURNED_TO_SENDER'],
  DELIVERED: [],
  RETURNED_TO_SENDER: [],
  CONSOLIDATED: [],
};

export function canMoveShipment(from: ShipmentStatus, to: ShipmentStatus): boolean {
  return moves[from].includes(to);
}

const why: Partial<Record<ShipmentStatus, string>> = {
  OPEN: 'its parcel has not been packed and quoted yet',
  AWAITING_PART: 'its replacement part has not been packed yet',
  AWAITING_PAYMENT: 'its extra shipping invoice is not paid yet',
  DISPATCHED: 'it has been dispatched already',
  DELIVERED: 'it has been delivered',
  RETURNED_TO_SENDER: 'it came back to the sender',
  CONSOLIDATED: 'its orders were combined into another shipment',
};

/** Why a shipment in this status cannot take a step, in the customer's words. */
export function shipmentStatusReason(status: ShipmentStatus): string {
  return why[status] ?? `it is ${status.toLowerCase().replaceAll('_', ' ')}`;
}

/** Refuses a move the table does not allow, saying why in the customer's words (rule id: the current status). */
export function assertShipmentMove(from: ShipmentStatus, to: ShipmentStatus): void {
  if (canMoveShipment(from, to)) return;
  const rule = from === 'AWAITING_PAYMENT' && to === 'DISPATCHED' ? 'EXTRA_SHIPPING_UNPAID' : 'SHIPMENT_STATUS_TRANSITION';
  throw new PolicyViolation(`This shipment cannot become ${to.toLowerCase().replaceAll('_', ' ')}: ${why[from] ?? `it is ${from.toLowerCase()}`}.`, rule, {
    status: from,
  });
}

/**
 * A parcel is packed and quoted once, while the shipment is OPEN (or, a
 * replacement part, AWAITING_PART: staff pack it when the part arrives): checked
 * before pricing, since the quote's outcome picks the next status and
 * AWAITING_PAYMENT may still become READY (when the invoice is paid), never by a second quote.
 */
export function assertCanPack(status: ShipmentStatus): void {
  if (status === 'OPEN' || status === 'AWAITING_PART') return;
  const reason =
    status === 'READY' || status === 'AWAITING_PAYMENT' ? 'it has been packed and quoted already' : (why[status] ?? `it is ${status.toLowerCase()}`);
  throw new PolicyViolation(`This shipment's parcel cannot be recorded: ${reason}.`, 'SHIPMENT_STATUS_TRANSITION', { status });
}
