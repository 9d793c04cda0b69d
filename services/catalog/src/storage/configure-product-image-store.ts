import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type ServiceEnv } from '@vitrine/platform';
import { uploadCorsOrigins } from '@vitrine/uploads';
import { catalogEnv } from '../config/catalog-env.js';
import { fileProductImageStore } from './file-product-image-store.js';
import type { ProductImageStore } from './product-image-store.js';

type Route = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

let current: { store: ProductImageStore; uploadRoute: Route | null; readRoute: Route | null; uploadTtlSeconds: number } | null = null;
/** The port this service listens on, once it does: the file store's default address (PORT=0 in tests picks it only then). */
let listeningPort: string | null = null;

/** Chooses the image store from the settings, once at start (fail fast: S3 needs its keys; production names its store). */
export async function configureProductImageStore(env: ServiceEnv, environment: Record<string, string | undefined>): Promise<void> {
  const settings = loadConfig(catalogEnv, environment);
  const uploadTtlSeconds = settings.PRODUCT_IMAGE_UPLOAD_TTL_SECONDS;
  if (settings.PRODUCT_IMAGE_STORE === 's3') {
    if (!settings.PRODUCT_IMAGE_S3_ACCESS_KEY_ID || !settings.PRODUCT_IMAGE_S3_SECRET_ACCESS_KEY) {
      throw new Error('PRODUCT_IMAGE_STORE=s3 needs PRODUCT_IMAGE_S3_ACCESS_KEY_ID and PRODUCT_IMAGE_S3_SECRET_ACCESS_KEY');
    }
    // The AWS SDK (~6 MiB of heap) is loaded only where images go to S3, not by the folder store.
    const { s3ProductImageStore } = await import('./s3-product-image-store.js');
    const store = s3ProductImageStore({
      endpoint: settings.PRODUCT_IMAGE_S3_ENDPOINT,
      region: settings.PRODUCT_IMAGE_S3_REGION,
      bucket: settings.PRODUCT_IMAGE_S3_BUCKET,
      accessKeyId: settings.PRODUCT_IMAGE_S3_ACCESS_KEY_ID,
      secretAccessKey: settings.PRODUCT_IMAGE_S3_SECRET_ACCESS_KEY,
      forcePathStyle: settings.PRODUCT_IMAGE_S3_FORCE_PATH_STYLE,
      publicUrl: settings.PRODUCT_IMAGE_PUBLIC_URL,
    });
    current = { store, uploadRoute: null, readRoute: null, uploadTtlSeconds };
    return;
  }
  // Production must choose: the folder store is for one local instance (docker compose says so explicitly).
  if (env.NODE_ENV === 'production' && !environment.PRODUCT_IMAGE_STORE)
    throw new Error('PRODUCT_IMAGE_STORE is required in production (s3; file only for a local demo)');
  const file = fileProductImageStore({
    folder: settings.PRODUCT_IMAGE_FILE_DIR ?? join(tmpdir(), 'vitrine-product-images'),
    publicUrl: () => settings.PRODUCT_IMAGE_PUBLIC_URL ?? `http://127.0.0.1:${listeningPort ?? env.PORT}`,
    secret: settings.PRODUCT_IMAGE_FILE_SECRET ?? randomBytes(32).toString('base64url'),
    corsOrigins: uploadCorsOrigins('PRODUCT_IMAGE_CORS_ORIGINS', settings.PRODUCT_IMAGE_CORS_ORIGINS, env.NODE_ENV === 'production'),
  });
  current = { ...file, uploadTtlSeconds };
}

/** The server's own port, for the file store's URLs when PRODUCT_IMAGE_PUBLIC_URL is not set. */
export function rememberListeningUrl(url: string): void {
  listeningPort = new URL(url).port;
}

function configured() {
  if (!current) throw new Error('the product image store is configured at start');
  return current;
}

export const productImageStore = (): ProductImageStore => configured().store;

/** How long an upload URL lives (PRODUCT_IMAGE_UPLOAD_TTL_SECONDS). */
export const imageUploadTtlSeconds = (): number => configured().uploadTtlSeconds;

/** The file store's upload route (404 when images go to S3). */
export async function imageUploadRoute(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!current?.uploadRoute) return void res.writeHead(404).end('not found');
  await current.uploadRoute(req, res);
}

/** The file store's read route (404 when images go to S3: their URLs point at the bucket). */
export async function imageReadRoute(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!current?.readRoute) return void res.writeHead(404).end('not found');
  await current.readRoute(req, res);
}
