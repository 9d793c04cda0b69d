import { createHmac, timingSafeEqual } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { corsPreflightHeaders, corsResponseHeaders } from './evidence-cors.js';
import type { EvidenceStore, StoredObject } from './evidence-store.js';
import { checkEvidenceView, signEvidenceView } from './evidence-view-url.js';

/** The route the file store serves uploads on, next to /graphql. */
export const fileUploadPath = '/evidence-uploads';
/** The route it serves uploaded files back on, through signed read URLs (`evidence-view-url.ts`). */
export const fileViewPath = '/evidence-files';

/**
 * `npm start` without S3: uploads go to this service's own port
 * (`PUT /evidence-uploads?key&type&size&expires&sig`), signed with an HMAC
 * over key, type, size and expiry; the route refuses a bad signature, an
 * expired URL, another type or size (403), and keeps the file in a folder.
 * The storefront's browser uploads from another origin: the route answers
 * its CORS preflight for `corsOrigins` only (`evidence-cors.ts`).
 * Files are read back on `GET /evidence-files?key&type&expires&sig` (`evidence-view-url.ts`): 403 and nothing
 * served for a signature it did not make or an expired URL.
 * Not for production: one instance, local disk.
 */
export function fileEvidenceStore(options: { folder: string; publicUrl: string | (() => string); secret: string; corsOrigins: readonly string[] }) {
  const publicUrl = () => (typeof options.publicUrl === 'function' ? options.publicUrl() : options.publicUrl);
  const sign = (key: string, type: string, size: number, expires: number) =>
    createHmac('sha256', options.secret).update(`${key}\n${type}\n${size}\n${expires}`).digest('base64url');
  const pathOf = (key: string) => join(options.folder, ...key.split('/').filter((part) => /^[A-Za-z0-9._-]+$/.test(part) && part !== '..'));
  const store: EvidenceStore = {
    async uploadTicket(key, contentType, sizeBytes, expiresInSeconds) {
      const expires = Math.floor(Date.now() / 1000) + expiresInSeconds;
      const query = new URLSearchParams({
        key,
        type: contentType,
        size: String(sizeBytes),
        expires: String(expires),
        sig: sign(key, contentType, sizeBytes, expires),
      });
      return { url: `${publicUrl()}${fileUploadPath}?${query}`, headers: { 'content-type': contentType, 'content-length': String(sizeBytes) } };
    },
    async stat(key): Promise<StoredObject | null> {
      const info = await stat(pathOf(key)).catch(() => null);
      return info?.isFile() ? { sizeBytes: info.size, contentType: null } : null;
    },
    async viewUrl(key, contentType, expiresInSeconds) {
      const query = signEvidenceView(options.secret, { key, contentType, expires: Math.floor(Date.now() / 1000) + expiresInSeconds });
      return `${publicUrl()}${fileViewPath}?${query}`;
    },
  };
  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://local');
    const origin = req.headers.origin;
    // A preflight carries no file and stores nothing: answered by origin and method alone, before the URL's checks.
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined) {
      const preflight = corsPreflightHeaders(options.corsOrigins, origin, req.headers['access-control-request-method']);
      return void (preflight ? res.writeHead(204, preflight).end() : res.writeHead(403, { vary: 'Origin' }).end('preflight refused'));
    }
    for (const [name, value] of Object.entries(corsResponseHeaders(options.corsOrigins, origin))) res.setHeader(name, value);
    const [key, type, size, expires, sig] = ['key', 'type', 'size', 'expires', 'sig'].map((name) => url.searchParams.get(name) ?? '');
    const expected = Buffer.from(sign(key!, type!, Number(size), Number(expires)));
    const given = Buffer.from(sig!);
    const valid = given.length === expected.length && timingSafeEqual(given, expected);
    if (req.method !== 'PUT' || !valid || Number(expires) * 1000 < Date.now()) return void res.writeHead(403).end('forbidden');
    if (req.headers['content-type'] !== type || req.headers['content-length'] !== size) return void res.writeHead(403).end('forbidden');
    const target = pathOf(key!);
    const partial = `${target}.partial`;
    await mkdir(dirname(target), { recursive: true });
    try {
      await pipeline(req, createWriteStream(partial));
      if ((await stat(partial)).size !== Number(size)) throw new Error('size');
      await rename(partial, target);
      res.writeHead(200).end();
    } catch {
      await rm(partial, { force: true });
      res.writeHead(400).end('bad upload');
    }
  }
  /** A file read back through a read URL: the signed type, shown inline, never sniffed as something else. */
  async function viewRoute(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Like an upload's answer: a storefront page's script may read the file (an <img> or a link needs no CORS).
    for (const [name, value] of Object.entries(corsResponseHeaders(options.corsOrigins, req.headers.origin))) res.setHeader(name, value);
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { allow: 'GET, HEAD' }).end('method not allowed');
    const now = Date.now();
    const check = checkEvidenceView(options.secret, new URL(req.url ?? '/', 'http://local').searchParams, now);
    if (!check.ok) return void res.writeHead(403).end('forbidden');
    const { key, contentType, expires } = check.grant;
    const path = pathOf(key);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) return void res.writeHead(404).end('not found');
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
  return { store, route, viewRoute };
}
