import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInput, NotFound } from '@vitrine/platform';
import { checkProductDetails } from '../domain/product-details.js';
import { Product } from '../store/product.entity.js';
import { missingUploads, ownImageStoreFor } from './product-images.js';
import { applyProductPatch } from './update-product.js';

/**
 * One image added after the product's others (an upload just made, or an https URL), or one taken off, without
 * sending the whole list: the row is locked and the list read there, so two staff adding images at the same moment
 * both keep theirs (`updateProduct` with `images` replaces the list as the caller last read it). Checked as
 * `updateProduct` checks images (an https URL or this product's own upload, found in the store; at most 30), and
 * audited the same way. Adding an image the product has, or removing one it has not, changes nothing.
 */
export async function addProductImage(em: EntityManager, actor: string, productId: string, imageUrl: string): Promise<Product> {
  const own = ownImageStoreFor(productId);
  const url = imageUrl.trim();
  const checked = checkProductDetails({ images: [url] }, own);
  const problems = checked.problems.map((p) => ({ ...p, field: 'imageUrl' }));
  if (problems.length > 0) throw new BadUserInput('This image cannot be added.', problems);
  const missing = await missingUploads([url], [], own);
  if (missing.length > 0)
    throw new BadUserInput(
      'This image is not in the image store.',
      missing.map((p) => ({ ...p, field: 'imageUrl' })),
    );
  return changeImages(em, actor, productId, (images) => (images.includes(url) ? images : [...images, url]));
}

export function removeProductImage(em: EntityManager, actor: string, productId: string, imageUrl: string): Promise<Product> {
  const url = imageUrl.trim();
  return changeImages(em, actor, productId, (images) => images.filter((image) => image !== url));
}

function changeImages(em: EntityManager, actor: string, productId: string, change: (images: string[]) => string[]): Promise<Product> {
  return em.transactional(async (tx) => {
    const product = await tx.findOne(Product, productId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!product) throw new NotFound('Product', productId);
    const images = change([...product.images]);
    // The list as it now is: still within the limit (the 31st image is refused).
    const checked = checkProductDetails({ images }, ownImageStoreFor(productId));
    if (checked.problems.length > 0) throw new BadUserInput('This image cannot be added.', checked.problems);
    return applyProductPatch(tx, actor, product, { images }, null);
  });
}
