import { z } from 'zod';
import { uploadUrlTtlSeconds, viewUrlTtlSeconds } from '../domain/evidence-limits.js';
import { isCorsOrigin, localWebOrigins } from '@vitrine/uploads';

/** Settings only aftersales reads, on top of the platform's serviceEnv. */
export const aftersalesEnv = {
  /** `s3`: an S3-compatible bucket (production, tests on MinIO); `file`: a folder behind this service's port (`npm start` only). */
  EVIDENCE_STORE: z.enum(['s3', 'file']).default('file'),
  /** An S3-compatible endpoint (MinIO); unset: AWS itself. */
  EVIDENCE_S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  EVIDENCE_S3_REGION: z.string().min(1).default('us-east-1'),
  EVIDENCE_S3_BUCKET: z.string().min(3).max(63).default('vitrine-evidence'),
  EVIDENCE_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  EVIDENCE_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  EVIDENCE_S3_FORCE_PATH_STYLE: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** The file store's folder and the address customers upload to (default: this service on 127.0.0.1). */
  EVIDENCE_FILE_DIR: z.string().min(1).optional(),
  EVIDENCE_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Origins whose pages may upload to the file store from the browser (comma list; `*` not in production). S3: the bucket's own CORS. */
  EVIDENCE_CORS_ORIGINS: z
    .string()
    .default(localWebOrigins)
    .transform((list) => list.split(',').map((origin) => origin.trim()))
    .pipe(z.array(z.string().refine(isCorsOrigin, 'each entry must be * or an origin such as https://shop.example.com (no path, no trailing slash)')).min(1)),
  /** How long an upload URL lives, in seconds (both stores); tests shorten it to see an expired URL refused. */
  EVIDENCE_UPLOAD_TTL_SECONDS: z.coerce.number().int().min(1).max(3600).default(uploadUrlTtlSeconds),
  /** How long a URL to read an uploaded file lives, in seconds (both stores); tests shorten it to see an expired URL refused. */
  EVIDENCE_VIEW_TTL_SECONDS: z.coerce.number().int().min(1).max(3600).default(viewUrlTtlSeconds),
  /**
   * The file store's signing secret (upload and read URLs). Unset: a random one made at start, so URLs given out
   * before a restart stop working (they live minutes anyway); set it to keep them across a restart.
   */
  EVIDENCE_FILE_SECRET: z.string().min(32).optional(),
};
