/**
 * Which catalog statuses orders accepts new orders for, as data. Catalog owns
 * the statuses; orders decides what they mean for ordering. A status name
 * orders does not know (added later by catalog) is not orderable until listed here.
 */
export const orderableStatuses: readonly string[] = ['PREORDER', 'IN_STOCK', 'CHINA_STOCK', 'RELEASED'];

export function isOrderableStatus(status: string): boolean {
  return orderableStatuses.includes(status);
}
