import { z } from 'zod';
import { productImageLimits } from '../domain/product-images.js';
import { isCorsOrigin, localWebOrigins } from '@vitrine/uploads';

/**
 * Settings only catalog reads, on top of the platform's serviceEnv: where staff's product images go (the same
 * choices as after-sales' EVIDENCE_* settings, under PRODUCT_IMAGE_*), and the listing cache's bound.
 */
export const catalogEnv = {
  /** `s3`: an S3-compatible bucket (production, tests on MinIO); `file`: a folder behind this service's port (`npm start`). */
  PRODUCT_IMAGE_STORE: z.enum(['s3', 'file']).default('file'),
  /** An S3-compatible endpoint (MinIO); unset: AWS itself. */
  PRODUCT_IMAGE_S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  PRODUCT_IMAGE_S3_REGION: z.string().min(1).default('us-east-1'),
  PRODUCT_IMAGE_S3_BUCKET: z.string().min(3).max(63).default('vitrine-product-images'),
  PRODUCT_IMAGE_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  PRODUCT_IMAGE_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  PRODUCT_IMAGE_S3_FORCE_PATH_STYLE: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /**
   * Where customers read the images. S3: the address the bucket's objects are public under (the bucket allows
   * anonymous reads, or a CDN in front of it); unset: the bucket's own address. File: this service's public address
   * (default: this service on 127.0.0.1), which serves `/product-images` and `/product-image-uploads`.
   */
  PRODUCT_IMAGE_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** The file store's folder. */
  PRODUCT_IMAGE_FILE_DIR: z.string().min(1).optional(),
  /** The file store's upload signing secret; unset: one made at start (upload URLs live minutes anyway). */
  PRODUCT_IMAGE_FILE_SECRET: z.string().min(32).optional(),
  /** Origins whose pages (the back office) may upload to the file store from the browser; S3: the bucket's own CORS. */
  PRODUCT_IMAGE_CORS_ORIGINS: z
    .string()
    .default(localWebOrigins)
    .transform((list) => list.split(',').map((origin) => origin.trim()))
    .pipe(z.array(z.string().refine(isCorsOrigin, 'each entry must be * or an origin such as https://admin.example.com (no path, no trailing slash)')).min(1)),
  /** How long a listing page may be answered again at most, in ms, even if no change was heard; 0 turns the listing cache off. */
  LISTING_CACHE_TTL_MS: z.coerce.number().int().min(0).max(60_000).default(5000),
  /** How long an upload URL lives, in seconds (both stores). */
  PRODUCT_IMAGE_UPLOAD_TTL_SECONDS: z.coerce.number().int().min(1).max(3600).default(productImageLimits.uploadTtlSeconds),
};
