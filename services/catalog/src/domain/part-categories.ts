/**
 * After-sales part categories and the most a partial refund can pay for one
 * (seed 001's compensation table: a partial refund is the damage grade's
 * percentage of the part's maximum). Amounts are minor units
 * of the store currency (the 001 store works in USD: 5 -> 500); null where the
 * table says "staff decide". Data, not logic: catalog only files parts under
 * these categories; the amounts are kept for after-sales (not built yet),
 * which is to multiply a damage grade's percentage by them. A store policy
 * may replace the table later.
 */
export const partCategoryTable = {
  DETACHMENT_ONLY: 500,
  HEAD_SCULPT: 2500,
  HEAD_SCULPT_SPECIAL: 4000,
  JOINED_FIGURE_HARD_PLASTIC: 2000,
  SEAMLESS_FIGURE_SILICONE: 4000,
  BODY_SPECIAL_DESIGN: 4000,
  CLOTHES_SMALL: 500,
  CLOTHES_MIDDLE: 1000,
  CLOTHES_LARGE: 1500,
  CLOTHES_SPECIAL_SMALL: 1500,
  CLOTHES_SPECIAL_MIDDLE: 2000,
  CLOTHES_SPECIAL_LARGE: 3000,
  WEAPON_LARGE: 1500,
  WEAPON_SMALL: 500,
  SCENE_PROP: 500,
  FIGURE_STAND: 1000,
  // A figure stand with a special design is "staff decide" in the table: file it here.
  FIGURE_STAND_SPECIAL: null,
  PACKAGING_BOX: null,
} as const satisfies Record<string, number | null>;

export type PartCategory = keyof typeof partCategoryTable;
export const partCategories = Object.keys(partCategoryTable) as PartCategory[];

export function isPartCategory(value: string): value is PartCategory {
  return Object.hasOwn(partCategoryTable, value);
}

/**
 * The most a partial refund pays for a part of this category (minor units),
 * or null when staff decide. Nothing in catalog calls it: it is the
 * after-sales data this table exists for, kept tested until that service reads it.
 */
export function maxReimbursement(category: PartCategory): number | null {
  return partCategoryTable[category];
}

/** "HEAD_SCULPT_SPECIAL" -> "head sculpt special", for texts customers read. */
export function partCategoryLabel(category: PartCategory): string {
  return category.toLowerCase().replaceAll('_', ' ');
}
