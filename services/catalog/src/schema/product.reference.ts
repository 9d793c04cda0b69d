import type { CatalogContext } from './catalog-context.js';
import { ProductType } from './product.type.js';

/** Resolves `Product` entities for other subgraphs (e.g. order lines), batched per request. */
export async function resolveProductReference(reference: { id: string }, context: CatalogContext): Promise<ProductType | null> {
  const product = await context.productById.load(reference.id);
  return product ? ProductType.from(product) : null;
}
