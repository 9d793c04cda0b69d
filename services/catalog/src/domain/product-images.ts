import type { FieldProblem } from '@vitrine/platform/domain';

/**
 * What staff may upload as a product image: the store's limits (not the order's policy, which says nothing about
 * pictures), kept here and nowhere else. The content type fixes the stored file's extension.
 */
export const productImageLimits = {
  contentTypes: { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as Readonly<Record<string, string>>,
  /** A storefront photo, not a print master: 10 MB is already generous. */
  maxBytes: 10 * 1024 * 1024,
  /** How long an upload URL lives, in seconds (the default of PRODUCT_IMAGE_UPLOAD_TTL_SECONDS). */
  uploadTtlSeconds: 300,
} as const;

export const productImageContentTypes = Object.keys(productImageLimits.contentTypes);

export type ImageUploadCheck = { ok: true; extension: string } | { ok: false; problem: FieldProblem };

/** Whether an announced upload is allowed: one of the image types, at least one byte and at most the limit. */
export function checkImageUpload(contentType: string, byteSize: number): ImageUploadCheck {
  const extension = Object.hasOwn(productImageLimits.contentTypes, contentType) ? productImageLimits.contentTypes[contentType] : undefined;
  if (!extension) {
    const message = `A product image is ${productImageContentTypes.join(', ')}.`;
    return { ok: false, problem: { field: 'contentType', reason: 'IMAGE_TYPE_NOT_ALLOWED', message } };
  }
  if (!Number.isSafeInteger(byteSize) || byteSize <= 0) {
    return { ok: false, problem: { field: 'byteSize', reason: 'IMAGE_EMPTY', message: 'An image has at least one byte.' } };
  }
  if (byteSize > productImageLimits.maxBytes) {
    const message = `A product image is at most ${productImageLimits.maxBytes / 1024 / 1024} MB.`;
    return { ok: false, problem: { field: 'byteSize', reason: 'IMAGE_TOO_LARGE', message } };
  }
  return { ok: true, extension };
}

/** Where an uploaded image of a product is kept: one folder per product, a fresh id per image. */
export function productImageKey(productId: string, imageId: string, extension: string): string {
  return `products/${productId.toLowerCase()}/${imageId.toLowerCase()}.${extension}`;
}

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const keyPattern = new RegExp(`^products/(${uuid})/${uuid}\\.(${Object.values(productImageLimits.contentTypes).join('|')})$`);

/**
 * Our image store as the product's images see it: URLs starting with `prefix` are the store's (the key follows),
 * and only the product `productId`'s own uploads may be attached to it (null: a product not created yet has none).
 */
export interface OwnImageStore {
  prefix: string;
  productId: string | null;
}

/** The key of one of our store's URLs, or null for any other URL (an https URL staff typed, checked as such). */
export function ownImageKey(url: string, store: OwnImageStore | null): string | null {
  return store && url.startsWith(store.prefix) ? url.slice(store.prefix.length) : null;
}

/**
 * Whether a URL of our store may be one of this product's images: a key as uploads make them, in this product's
 * folder. It must also exist (checked by the use case, which can ask storage).
 */
export function checkOwnImage(key: string, store: OwnImageStore, field: string): FieldProblem | null {
  const match = keyPattern.exec(key);
  if (!match) return { field, reason: 'IMAGE_NOT_IN_STORE', message: 'This address is in our image store but names no uploaded image.' };
  if (store.productId === null || match[1] !== store.productId.toLowerCase()) {
    return { field, reason: 'IMAGE_OF_ANOTHER_PRODUCT', message: 'Upload the image for this product (an uploaded image belongs to one product).' };
  }
  return null;
}
