import { createHmac, timingSafeEqual } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { corsPreflightHeaders, corsResponseHeaders } from './upload-cors.js';
import type { StoredObject, UploadTicket } from './upload-store.js';

export interface SignedFileUploadsOptions {
  folder: string;
  /** Where browsers reach this service (the upload URL's origin): a function when the port is known only once listening. */
  publicUrl: string | (() => string);
  secret: string;
  /** Origins whose pages may PUT from a browser (`upload-cors.ts`). */
  corsOrigins: readonly string[];
  /** The route uploads are taken on, next to /graphql (e.g. `/evidence-uploads`). */
  uploadPath: string;
  /** Signed into every URL, so an upload URL of one kind of file is never accepted as another's. */
  purpose: string;
  /** The keys this store issues; any other never reaches the disk. */
  keyPattern: RegExp;
}

/**
 * The folder store behind `npm start` when there is no S3: uploads go to the service's own port
 * (`PUT <uploadPath>?key&type&size&expires&sig`), signed with an HMAC over purpose, key, type, size and expiry.
 * The route refuses a bad signature, an expired URL, another type or size (403), answers the web app's CORS
 * preflight for `corsOrigins` only, and keeps the file in the folder (written aside, then renamed, so a half
 * upload is never seen). Reading the files back is each service's business (public images, signed evidence views).
 * Not for production: one instance, local disk.
 */
export function signedFileUploads(options: SignedFileUploadsOptions) {
  const publicUrl = () => (typeof options.publicUrl === 'function' ? options.publicUrl() : options.publicUrl).replace(/\/+$/, '');
  const sign = (key: string, type: string, size: number, expires: number) =>
    createHmac('sha256', options.secret).update(`${options.purpose}\n${key}\n${type}\n${size}\n${expires}`).digest('base64url');
  const pathOf = (key: string): string | null => (options.keyPattern.test(key) ? join(options.folder, ...key.split('/')) : null);

  return {
    publicUrl,
    pathOf,
    /** A URL bound to this key, content type and size, for `expiresInSeconds`. */
    ticket(key: string, contentType: string, sizeBytes: number, expiresInSeconds: number): UploadTicket {
      const expires = Math.floor(Date.now() / 1000) + expiresInSeconds;
      const query = new URLSearchParams({
        key,
        type: contentType,
        size: String(sizeBytes),
        expires: String(expires),
        sig: sign(key, contentType, sizeBytes, expires),
      });
      return { url: `${publicUrl()}${options.uploadPath}?${query}`, headers: { 'content-type': contentType, 'content-length': String(sizeBytes) } };
    },
    async stat(key: string): Promise<StoredObject | null> {
      const path = pathOf(key);
      const info = path ? await stat(path).catch(() => null) : null;
      return info?.isFile() ? { sizeBytes: info.size, contentType: null } : null;
    },
    async uploadRoute(req: IncomingMessage, res: ServerResponse): Promise<void> {
      const origin = req.headers.origin;
      // A preflight carries no file and stores nothing: answered by origin and method alone, before the URL's checks.
      if (req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined) {
        const preflight = corsPreflightHeaders(options.corsOrigins, origin, req.headers['access-control-request-method']);
        return void (preflight ? res.writeHead(204, preflight).end() : res.writeHead(403, { vary: 'Origin' }).end('preflight refused'));
      }
      for (const [name, value] of Object.entries(corsResponseHeaders(options.corsOrigins, origin))) res.setHeader(name, value);
      const query = new URL(req.url ?? '/', 'http://local').searchParams;
      const [key, type, size, expires, sig] = ['key', 'type', 'size', 'expires', 'sig'].map((name) => query.get(name) ?? '') as [
        string,
        string,
        string,
        string,
        string,
      ];
      const expected = Buffer.from(sign(key, type, Number(size), Number(expires)));
      const given = Buffer.from(sig);
      const valid = given.length === expected.length && timingSafeEqual(given, expected);
      const target = pathOf(key);
      if (req.method !== 'PUT' || !valid || !target || Number(expires) * 1000 < Date.now()) return void res.writeHead(403).end('forbidden');
      if (req.headers['content-type'] !== type || req.headers['content-length'] !== size) return void res.writeHead(403).end('forbidden');
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
    },
  };
}
