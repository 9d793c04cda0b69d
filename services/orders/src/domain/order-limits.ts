/** Per-store limits on a single order (policy data, not literals in the rules). */
export interface OrderLimits {
  maxLines: number;
  maxQuantityPerLine: number;
}

export const defaultOrderLimits: OrderLimits = { maxLines: 50, maxQuantityPerLine: 99 };
