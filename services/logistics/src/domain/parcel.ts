import type { Dimensions } from './rate-table.js';

/** One product line to pack: its boxed size and weight, and how many. */
export interface PackItem {
  weightGrams: number;
  dimensions: Dimensions;
  quantity: number;
}

export interface Parcel {
  weightGrams: number;
  dimensions: Dimensions;
}

/**
 * The package rule: every unit goes into one parcel, each box lying on its
 * largest face (its smallest side up). The parcel is as long and as wide as
 * the longest and widest box, and as high as the boxes stacked; it weighs
 * what they weigh together. Staff record the real parcel when it is packed;
 * this is what an estimate assumes.
 */
export function packTogether(items: readonly PackItem[]): Parcel {
  let weightGrams = 0;
  let lengthMm = 0;
  let widthMm = 0;
  let heightMm = 0;
  for (const item of items) {
    const [length, width, height] = [item.dimensions.lengthMm, item.dimensions.widthMm, item.dimensions.heightMm].sort((a, b) => b - a) as [
      number,
      number,
      number,
    ];
    weightGrams += item.weightGrams * item.quantity;
    lengthMm = Math.max(lengthMm, length);
    widthMm = Math.max(widthMm, width);
    heightMm += height * item.quantity;
  }
  return { weightGrams, dimensions: { lengthMm, widthMm, heightMm } };
}

/** Volumetric weight in grams: L x W x H in mm³ over the divisor in cm³ per kg (1 kg per `divisor` cm³), rounded up to the gram. */
export function volumetricGrams(d: Dimensions, divisor: number): number {
  return Math.ceil((d.lengthMm * d.widthMm * d.heightMm) / divisor);
}

/** What the carrier charges for: the larger of the actual and the volumetric weight. */
export function chargeableGrams(parcel: Parcel, divisor: number): number {
  return Math.max(parcel.weightGrams, volumetricGrams(parcel.dimensions, divisor));
}
