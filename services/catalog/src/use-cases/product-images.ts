import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInput, type FieldProblem, NotFound, storeNow } from '@vitrine/platform';
import { checkImageUpload, ownImageKey, productImageKey, type OwnImageStore } from '../domain/product-images.js';
import { imageUploadTtlSeconds, productImageStore } from '../storage/configure-product-image-store.js';
import type { UploadTicket } from '../storage/product-image-store.js';
import { Product } from '../store/product.entity.js';

export interface ProductImageUpload {
  ticket: UploadTicket;
  expiresAt: Date;
  /** The image's public URL once uploaded: what staff then add to the product's images. */
  imageUrl: string;
}

/**
 * A short-lived URL to upload one image of a product straight to the image store, bound to the announced type and
 * size (the store's limits). Nothing is written: the image becomes the product's only when staff add its URL to
 * the product's images, which checks it arrived.
 */
export async function requestProductImageUpload(em: EntityManager, productId: string, contentType: string, byteSize: number): Promise<ProductImageUpload> {
  const allowed = checkImageUpload(contentType, byteSize);
  if (!allowed.ok) throw new BadUserInput('This file cannot be uploaded as a product image.', [allowed.problem]);
  const product = await em.fork().findOne(Product, productId, { fields: ['id'] });
  if (!product) throw new NotFound('Product', productId);
  const store = productImageStore();
  const key = productImageKey(product.id, randomUUID(), allowed.extension);
  const ttl = imageUploadTtlSeconds();
  const ticket = await store.uploadTicket(key, contentType, byteSize, ttl);
  return { ticket, expiresAt: new Date(storeNow().getTime() + ttl * 1000), imageUrl: store.prefix() + key };
}

/** Our image store as a product's images see it (productId null: a product being created, which has no uploads yet). */
export function ownImageStoreFor(productId: string | null): OwnImageStore {
  return { prefix: productImageStore().prefix(), productId };
}

/**
 * The store's images among `images` that `before` did not have must exist in storage (a HEAD each): a URL of our
 * store that was never uploaded (an expired ticket, a failed PUT) is refused. Images already attached are not asked
 * again, so one removed from storage by hand does not block every later edit.
 */
export async function missingUploads(images: readonly string[], before: readonly string[], own: OwnImageStore): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  for (const [i, url] of images.entries()) {
    const key = ownImageKey(url, own);
    if (key === null || before.includes(url)) continue;
    if (!(await productImageStore().stat(key))) {
      problems.push({ field: `images.${i}`, reason: 'IMAGE_NOT_UPLOADED', message: 'This image was never uploaded (or its upload failed): upload it again.' });
    }
  }
  return problems;
}
