import { PolicyViolation } from '@vitrine/platform/domain';

/**
 * A studio goes only when no product names it: products show their maker to
 * customers, and a product pointing at nothing would lose that for good.
 * Staff move those products to another studio (or none) first.
 */
export function assertStudioRemovable(studio: { name: string }, productsMadeBy: number): void {
  if (productsMadeBy === 0) return;
  throw new PolicyViolation(
    `${studio.name} makes ${productsMadeBy} product${productsMadeBy === 1 ? '' : 's'}: give ${productsMadeBy === 1 ? 'it' : 'them'} another studio (or none) before removing it.`,
    'STUDIO_HAS_PRODUCTS',
    { products: productsMadeBy },
  );
}
