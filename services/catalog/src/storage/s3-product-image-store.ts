import { bucketAddress, s3Uploads, type S3Settings } from '@vitrine/uploads/s3';
import type { ProductImageStore } from './product-image-store.js';

export interface S3ImageSettings extends S3Settings {
  /** Where the bucket's objects are read publicly; unset: the bucket's own address. */
  publicUrl: string | undefined;
}

/**
 * Product images in an S3 bucket (`@vitrine/uploads/s3`): presigned PUT URLs that sign the content type and length,
 * and a HEAD to see that an image arrived before it is attached. The bucket (or a CDN in front of it) serves the
 * images publicly: they are shop windows, not private files.
 */
export function s3ProductImageStore(settings: S3ImageSettings): ProductImageStore {
  const bucket = s3Uploads(settings);
  const prefix = `${(settings.publicUrl ?? bucketAddress(settings)).replace(/\/+$/, '')}/`;
  return { uploadTicket: bucket.ticket, stat: bucket.stat, prefix: () => prefix };
}
