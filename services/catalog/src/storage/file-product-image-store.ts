import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { signedFileUploads } from '@vitrine/uploads';
import { productImageLimits } from '../domain/product-images.js';
import type { ProductImageStore } from './product-image-store.js';

/** The route the file store takes uploads on, next to /graphql. */
export const imageUploadPath = '/product-image-uploads';
/** The route it serves images on, to anyone (`?key=products/<product>/<image>.<ext>`). */
export const imageReadPath = '/product-images';

const typeOfExtension = Object.fromEntries(Object.entries(productImageLimits.contentTypes).map(([type, extension]) => [`.${extension}`, type]));

/**
 * `npm start` without S3: uploads go to this service's own port through the platform's signed folder store
 * (`@vitrine/uploads` signedFileUploads: HMAC-signed PUT URLs, the back office's CORS preflight, 403 for a bad
 * signature, an expired URL, another type or size). Images are read by anyone on `GET /product-images?key=...`, as
 * a public bucket would serve them, with the type their extension says and never sniffed.
 * Not for production: one instance, local disk.
 */
export function fileProductImageStore(options: { folder: string; publicUrl: string | (() => string); secret: string; corsOrigins: readonly string[] }) {
  const uploads = signedFileUploads({
    ...options,
    uploadPath: imageUploadPath,
    purpose: 'product image upload v1',
    // Keys are ours (`products/<uuid>/<uuid>.<ext>`); anything else never reaches the disk.
    keyPattern: /^products\/[0-9a-f-]{36}\/[0-9a-f-]{36}\.[a-z]{3,4}$/,
  });
  const pathOf = uploads.pathOf;
  const store: ProductImageStore = {
    uploadTicket: async (key, contentType, byteSize, expiresInSeconds) => uploads.ticket(key, contentType, byteSize, expiresInSeconds),
    stat: (key) => uploads.stat(key),
    // The key is left as is in the query (letters, digits, `/`, `-`, `.`): the URL reads like the bucket's.
    prefix: () => `${uploads.publicUrl()}${imageReadPath}?key=`,
  };

  /** An image, to anyone: the type its extension says (one of the allowed image types), cacheable (keys never change). */
  async function readRoute(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { allow: 'GET, HEAD' }).end('method not allowed');
    const path = pathOf(new URL(req.url ?? '/', 'http://local').searchParams.get('key') ?? '');
    const contentType = path ? typeOfExtension[extname(path)] : undefined;
    const info = path && contentType ? await stat(path).catch(() => null) : null;
    if (!path || !contentType || !info?.isFile()) return void res.writeHead(404).end('not found');
    res.writeHead(200, {
      'content-type': contentType,
      'content-length': String(info.size),
      'x-content-type-options': 'nosniff',
      // An image's key is fresh for each upload, so its bytes never change.
      'cache-control': 'public, max-age=31536000, immutable',
    });
    if (req.method === 'HEAD') return void res.end();
    try {
      await pipeline(createReadStream(path), res);
    } catch {
      res.destroy();
    }
  }
  return { store, uploadRoute: uploads.uploadRoute, readRoute };
}
