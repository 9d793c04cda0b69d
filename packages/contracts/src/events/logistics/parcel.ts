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
