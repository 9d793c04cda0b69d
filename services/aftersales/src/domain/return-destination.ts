import type { ClaimResolutionKind, ReturnPostagePayer, WarehouseReturnAddress } from '@vitrine/contracts';

/**
 * Why after-sales cannot yet say where an item goes back:
 * - PARCEL_UNKNOWN: logistics has not said which warehouse the order's parcel left from;
 * - WAREHOUSE_UNKNOWN: catalog has not told us that warehouse;
 * - NO_RETURN_ADDRESS: the warehouse has no return address yet (catalog's staff give it);
 * - NOT_A_RETURN: a claim whose customer did not choose to send the item back.
 */
export const sendToUnknownReasons = ['PARCEL_UNKNOWN', 'WAREHOUSE_UNKNOWN', 'NO_RETURN_ADDRESS', 'NOT_A_RETURN'] as const;
export type SendToUnknownReason = (typeof sendToUnknownReasons)[number];

/** Where a returned item goes: the warehouse's return address, with the warehouse named for staff. */
export interface ReturnAddress extends WarehouseReturnAddress {
  warehouseId: string;
  warehouseCode: string;
}

export type ReturnDestination = { sendTo: ReturnAddress; unknown: null } | { sendTo: null; unknown: SendToUnknownReason };

/** What after-sales knows of an order's parcel: the warehouse it left from (null: not said), and that warehouse as catalog told it. */
export interface ParcelOrigin {
  parcelKnown: boolean;
  warehouseId: string | null;
  warehouse: { code: string; returnAddress: WarehouseReturnAddress | null } | null;
}

/**
 * An item goes back to the warehouse its order's parcel left from (the one
 * that knows the figure and holds its kind), at that warehouse's return
 * address; or why that is not known yet.
 */
export function returnDestination(origin: ParcelOrigin): ReturnDestination {
  if (!origin.parcelKnown || origin.warehouseId === null) return { sendTo: null, unknown: 'PARCEL_UNKNOWN' };
  if (origin.warehouse === null) return { sendTo: null, unknown: 'WAREHOUSE_UNKNOWN' };
  if (origin.warehouse.returnAddress === null) return { sendTo: null, unknown: 'NO_RETURN_ADDRESS' };
  return { sendTo: { ...origin.warehouse.returnAddress, warehouseId: origin.warehouseId, warehouseCode: origin.warehouse.code }, unknown: null };
}

/**
 * What the customer writes on the parcel so the warehouse knows what came
 * back: `RET-` (a return for preference) or `CLM-` (a claim's return) and the
 * first twelve hex digits of its id (random in a v4 id), in three groups.
 */
export function parcelReference(kind: 'RETURN' | 'CLAIM', id: string): string {
  const digits = id.replaceAll('-', '').slice(0, 12).toUpperCase();
  return `${kind === 'RETURN' ? 'RET' : 'CLM'}-${digits.slice(0, 4)}-${digits.slice(4, 8)}-${digits.slice(8, 12)}`;
}

/** A claim goes back only when its customer chose RETURN: who pays the postage is that offer's. Null: nothing goes back. */
export function claimReturnPostage(claim: {
  resolution: ClaimResolutionKind | null;
  offers: readonly { resolution: ClaimResolutionKind; returnPostage: ReturnPostagePayer | null }[] | null;
}): ReturnPostagePayer | null {
  if (claim.resolution !== 'RETURN') return null;
  return claim.offers?.find((o) => o.resolution === 'RETURN')?.returnPostage ?? null;
}
