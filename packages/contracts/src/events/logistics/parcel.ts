import { z } from 'zod';

/** A packed parcel's outer size in millimetres. */
export const parcelDimensionsSchema = z.object({
  lengthMm: z.number().int().positive(),
  widthMm: z.number().int().positive(),
  heightMm: z.number().int().positive(),
});

/** Carriers and tracking numbers as logistics records them. */
export const carrierCodeSchema = z.string().regex(/^[A-Z][A-Z0-9_]{1,39}$/);
export const trackingNumberSchema = z.string().min(4).max(80);

/**
 * What a parcel carries: ORDER, paid orders' units (the default: events
 * without `kind` are these); REPLACEMENT, a claim's replacement part or
 * exchanged unit sent at the store's cost (no charge, no refund, and the
 * orders it names do not move: they were delivered already).
 */
export const shipmentKinds = ['ORDER', 'REPLACEMENT'] as const;
export type ShipmentKind = (typeof shipmentKinds)[number];
export const shipmentKindSchema = z.enum(shipmentKinds);
