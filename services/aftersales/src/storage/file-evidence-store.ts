import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { corsResponseHeaders, signedFileUploads } from '@vitrine/uploads';
import type { EvidenceStore } from './evidence-store.js';
import { checkEvidenceView, signEvidenceView } from './evidence-view-url.js';

/** The route the file store serves uploads on, next to /graphql. */
export const fileUploadPath = '/evidence-uploads';
/** The route it serves uploaded files back on, through signed read URLs (`evidence-view-url.ts`). */
export const fileViewPath = '/evidence-files';

/**
 * `npm start` without S3: uploads go to this service's own port through the platform's signed folder store
 * (`@vitrine/uploads` signedFileUploads: HMAC-signed PUT URLs, the storefront's CORS preflight, 403 for a bad
 * signature, an expired URL, another type or size). Files are read back on `GET /evidence-files?key&type&expires&sig`
 * (`evidence-view-url.ts`): 403 and nothing served for a signature it did not make or an expired URL.
 * Not for production: one instance, local disk.
 */
export function fileEvidenceStore(options: { folder: string; publicUrl: string | (() => string); secret: string; corsOrigins: readonly string[] }) {
  const uploads = signedFileUploads({
    ...options,
    uploadPath: fileUploadPath,
    purpose: 'evidence upload v1',
    // `claims/<claim>/<evidence>.<extension>` (use-cases/evidence-uploads.ts).
    keyPattern: /^claims\/[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+\.[a-z0-9]{1,8}$/,
  });
  const store: EvidenceStore = {
    uploadTicket: async (key, contentType, sizeBytes, expiresInSeconds) => uploads.ticket(key, contentType, sizeBytes, expiresInSeconds),
    stat: (key) => uploads.stat(key),
    async viewUrl(key, contentType, expiresInSeconds) {
      const query = signEvidenceView(options.secret, { key, contentType, expires: Math.floor(Date.now() / 1000) + expiresInSeconds });
      return `${uploads.publicUrl()}${fileViewPath}?${query}`;
    },
  };
  /** A file read back through a read URL: the signed type, shown inline, never sniffed as something else. */
  async function viewRoute(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Like an upload's answer: a storefront page's script may read the file (an <img> or a link needs no CORS).
    for (const [name, value] of Object.entries(corsResponseHeaders(options.corsOrigins, req.headers.origin))) res.setHeader(name, value);
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { allow: 'GET, HEAD' }).end('method not allowed');
    const now = Date.now();
    const check = checkEvidenceView(options.secret, new URL(req.url ?? '/', 'http://local').searchParams, now);
    if (!check.ok) return void res.writeHead(403).end('forbidden');
    const { key, contentType, expires } = check.grant;
    const path = uploads.pathOf(key);
    const info = path ? await stat(path).catch(() => null) : null;
    if (!path || !info?.isFile()) return void res.writeHead(404).end('not found');
    res.writeHead(200, {
      'content-type': contentType,
      'content-length': String(info.size),
      'content-disposition': `inline; filename="${basename(path)}"`,
      'x-content-type-options': 'nosniff',
      // Kept by this browser only, and no longer than the URL lives.
      'cache-control': `private, max-age=${Math.max(0, Math.floor((expires * 1000 - now) / 1000))}`,
    });
    if (req.method === 'HEAD') return void res.end();
    try {
      await pipeline(createReadStream(path), res);
    } catch {
      // The client went away mid-file: nothing to answer.
      res.destroy();
    }
  }
  return { store, route: uploads.uploadRoute, viewRoute };
}
