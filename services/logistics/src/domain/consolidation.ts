import type { ShippingAddress } from '@vitrine/contracts';
import { isUuid, type FieldProblem } from '@vitrine/platform/domain';
import type { ShipmentStatus } from './shipment-status.js';

/** A shipment as the consolidation rule sees it. */
export interface ConsolidationCandidate {
  id: string;
  customerId: string;
  status: ShipmentStatus;
  /** ORDER parcels only: a replacement travels on its own, at the store's cost. */
  kind: 'ORDER' | 'REPLACEMENT';
  /** Set once combined into another shipment: where its orders travel now. */
  consolidatedInto: string | null;
  warehouseId: string | null;
  address: ShippingAddress | null;
  method: string | null;
  currency: string;
  openedAt: Date;
  handoverBy: Date | null;
  lateSince: Date | null;
}

/** Why shipments cannot travel as one parcel (the `rule` of the POLICY_VIOLATION). */
export type ConsolidationRule =
  | 'REPLACEMENT_SHIPMENT'
  | 'ALREADY_CONSOLIDATED'
  | 'ALREADY_PACKED'
  | 'ALREADY_DISPATCHED'
  | 'WAREHOUSE_UNKNOWN'
  | 'DESTINATION_UNKNOWN'
  | 'NOT_SAME_CUSTOMER'
  | 'NOT_SAME_CURRENCY'
  | 'NOT_SAME_WAREHOUSE'
  | 'NOT_SAME_ADDRESS'
  | 'NOT_SAME_METHOD';

export type ConsolidationDecision<C extends ConsolidationCandidate = ConsolidationCandidate> =
  /** `into` keeps its id and takes the others' orders; the merged handover deadline is the earliest promised. */
  | { kind: 'COMBINE'; into: C; absorbed: C[]; handoverBy: Date | null; lateSince: Date | null }
  /** Every shipment asked for already travels in `into`: a retry, nothing to do. */
  | { kind: 'ALREADY_COMBINED'; into: C }
  | { kind: 'REFUSED'; rule: ConsolidationRule; shipmentId: string; message: string };

/** How many shipments one request may combine. */
export const consolidationLimits = { min: 2, max: 20 } as const;

/** The request's shape: 2 to 20 distinct shipment ids. */
export function checkConsolidationRequest(shipmentIds: readonly string[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { min, max } = consolidationLimits;
  if (shipmentIds.length < min || shipmentIds.length > max) {
    problems.push({ field: 'shipmentIds', reason: 'OUT_OF_RANGE', message: `Give ${min} to ${max} shipments to combine.` });
  }
  shipmentIds.forEach((id, i) => {
    if (!isUuid(id)) problems.push({ field: `shipmentIds.${i}`, reason: 'MALFORMED_ID', message: 'A shipment id is a UUID.' });
    else if (shipmentIds.findIndex((other) => other.toLowerCase() === id.toLowerCase()) !== i) {
      problems.push({ field: `shipmentIds.${i}`, reason: 'DUPLICATE', message: 'This shipment is listed twice.' });
    }
  });
  return problems;
}

const refuse = (rule: ConsolidationRule, shipmentId: string, message: string): ConsolidationDecision<never> => ({ kind: 'REFUSED', rule, shipmentId, message });

/**
 * Whether shipments may travel as one parcel: every one still unpacked
 * (OPEN), of one customer, paid in one currency, leaving one known warehouse
 * for one address by one shipping method; each order keeps the estimate it
 * paid, so the final quote splits the parcel's cost back over them (so never
 * a claim's replacement, which nobody pays for). The
 * oldest shipment (first in the staff queue) keeps its id and takes the
 * others' orders. Shipments already combined into another one asked for
 * count as done, so a retry answers the same parcel and changes nothing.
 */
export function decideConsolidation<C extends ConsolidationCandidate>(shipments: readonly C[]): ConsolidationDecision<C> {
  // A claim's replacement is never charged: combined with paid orders, the final quote would split its postage over them.
  const replacement = shipments.find((s) => s.kind === 'REPLACEMENT');
  if (replacement)
    return refuse(
      'REPLACEMENT_SHIPMENT',
      replacement.id,
      `Shipment ${replacement.id} carries a claim's replacement at the store's cost: it travels on its own.`,
    );
  const live = shipments.filter((s) => s.status !== 'CONSOLIDATED');
  const liveIds = new Set(live.map((s) => s.id));
  const elsewhere = shipments.find((s) => s.status === 'CONSOLIDATED' && !liveIds.has(s.consolidatedInto ?? ''));
  if (elsewhere) {
    return refuse('ALREADY_CONSOLIDATED', elsewhere.id, `Shipment ${elsewhere.id} already travels in another parcel (shipment ${elsewhere.consolidatedInto}).`);
  }
  const ordered = [...live].sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime() || a.id.localeCompare(b.id));
  const [into, ...absorbed] = ordered;
  if (!into) throw new Error('decideConsolidation: no shipment to decide on');
  if (absorbed.length === 0) return { kind: 'ALREADY_COMBINED', into };

  for (const s of ordered) {
    if (s.status === 'READY' || s.status === 'AWAITING_PAYMENT') {
      return refuse('ALREADY_PACKED', s.id, `Shipment ${s.id} is packed and quoted already: its parcel cannot take more orders.`);
    }
    if (s.status !== 'OPEN') return refuse('ALREADY_DISPATCHED', s.id, `Shipment ${s.id} has left the warehouse already.`);
    if (s.warehouseId === null) return refuse('WAREHOUSE_UNKNOWN', s.id, `Shipment ${s.id} has no known warehouse yet: parcels are combined at one warehouse.`);
    if (s.address === null) return refuse('DESTINATION_UNKNOWN', s.id, `Shipment ${s.id} has no delivery address: parcels are combined for one address.`);
  }
  for (const s of absorbed) {
    if (s.customerId !== into.customerId) return refuse('NOT_SAME_CUSTOMER', s.id, `Shipment ${s.id} is another customer's: a parcel goes to one customer.`);
    if (s.currency !== into.currency) return refuse('NOT_SAME_CURRENCY', s.id, `Shipment ${s.id} was paid in another currency: one parcel has one price.`);
    if (s.warehouseId !== into.warehouseId) return refuse('NOT_SAME_WAREHOUSE', s.id, `Shipment ${s.id} leaves from another warehouse.`);
    if (!sameAddress(s.address!, into.address!)) return refuse('NOT_SAME_ADDRESS', s.id, `Shipment ${s.id} goes to another address.`);
    if (s.method !== into.method) return refuse('NOT_SAME_METHOD', s.id, `Shipment ${s.id} was paid for another shipping method.`);
  }
  return { kind: 'COMBINE', into, absorbed, handoverBy: earliest(ordered.map((s) => s.handoverBy)), lateSince: earliest(ordered.map((s) => s.lateSince)) };
}

/**
 * The same door: every line of the address but the phone, ignoring case,
 * spacing and Unicode forms (a label typed twice rarely matches byte for byte),
 * the postal code without its spaces.
 */
export function sameAddress(a: ShippingAddress, b: ShippingAddress): boolean {
  const text = (v: string | null | undefined) => (v ?? '').normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
  const fields = ['name', 'line1', 'line2', 'city', 'region', 'country'] as const;
  return fields.every((f) => text(a[f]) === text(b[f])) && text(a.postalCode).replaceAll(' ', '') === text(b.postalCode).replaceAll(' ', '');
}

function earliest(dates: readonly (Date | null)[]): Date | null {
  return dates.reduce<Date | null>((min, d) => (d !== null && (min === null || d < min) ? d : min), null);
}
