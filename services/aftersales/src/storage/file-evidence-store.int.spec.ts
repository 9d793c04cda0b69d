import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileEvidenceStore, fileUploadPath, fileViewPath } from './file-evidence-store.js';

// The store `npm start` uses instead of S3: the same contract (signed, expiring URLs bound to type and size), on local disk.
let server: Server;
let folder: string;
let files: ReturnType<typeof fileEvidenceStore>;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'vitrine-evidence-test-'));
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://local').pathname;
    if (path === fileUploadPath) void files.route(req, res);
    else if (path === fileViewPath) void files.viewRoute(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  files = fileEvidenceStore({ folder, publicUrl: `http://127.0.0.1:${port}`, secret: 'test-secret', corsOrigins: [storefront] });
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await rm(folder, { recursive: true, force: true });
});

const put = (url: string, type: string, size: number, origin?: string) =>
  fetch(url, { method: 'PUT', headers: { 'content-type': type, ...(origin && { origin }) }, body: new Uint8Array(size) });
// What a browser sends before a cross-origin PUT with a content type (apps/web's evidence upload).
const preflight = (url: string, origin: string, method = 'PUT') =>
  fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'content-type' } });
const storefront = 'http://127.0.0.1:3100';

describe('file evidence store', () => {
  it('takes the announced file and reports what arrived', async () => {
    const ticket = await files.store.uploadTicket('claims/c1/e1.jpg', 'image/jpeg', 32, 300);
    expect(await files.store.stat('claims/c1/e1.jpg')).toBeNull();
    expect((await put(ticket.url, 'image/jpeg', 32)).status).toBe(200);
    expect(await files.store.stat('claims/c1/e1.jpg')).toEqual({ sizeBytes: 32, contentType: null });
  });

  it('refuses a tampered signature, another type or size, and an expired URL (403), storing nothing', async () => {
    const ticket = await files.store.uploadTicket('claims/c2/e1.jpg', 'image/jpeg', 32, 300);
    const tampered = new URL(ticket.url);
    tampered.searchParams.set('size', '64');
    expect((await put(tampered.toString(), 'image/jpeg', 64)).status).toBe(403);
    expect((await put(ticket.url, 'image/png', 32)).status).toBe(403);
    expect((await put(ticket.url, 'image/jpeg', 33)).status).toBe(403);
    const expired = await files.store.uploadTicket('claims/c2/e2.jpg', 'image/jpeg', 32, -1);
    expect((await put(expired.url, 'image/jpeg', 32)).status).toBe(403);
    expect(await files.store.stat('claims/c2/e1.jpg')).toBeNull();
    expect(await files.store.stat('claims/c2/e2.jpg')).toBeNull();
  });
});

describe("the storefront's browser uploading from another origin (CORS)", () => {
  it('answers a preflight from an allowed origin with the upload method and header only', async () => {
    const ticket = await files.store.uploadTicket('claims/c3/e1.jpg', 'image/jpeg', 32, 300);
    const answer = await preflight(ticket.url, storefront);
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe(storefront);
    expect(answer.headers.get('access-control-allow-methods')).toBe('PUT');
    expect(answer.headers.get('access-control-allow-headers')).toBe('content-type');
    expect(Number(answer.headers.get('access-control-max-age'))).toBeGreaterThan(0);
    expect(answer.headers.get('vary')).toBe('Origin');
    // A preflight stores nothing.
    expect(await files.store.stat('claims/c3/e1.jpg')).toBeNull();
  });

  it('refuses a preflight from another origin, or for another method, without any allow header', async () => {
    const ticket = await files.store.uploadTicket('claims/c4/e1.jpg', 'image/jpeg', 32, 300);
    for (const answer of [
      await preflight(ticket.url, 'http://evil.test'),
      await preflight(ticket.url, 'http://127.0.0.1:3000'),
      await preflight(ticket.url, storefront, 'DELETE'),
    ]) {
      expect(answer.status).toBe(403);
      expect(answer.headers.get('vary')).toBe('Origin');
      for (const name of ['access-control-allow-origin', 'access-control-allow-methods', 'access-control-allow-headers', 'access-control-max-age']) {
        expect(answer.headers.get(name), name).toBeNull();
      }
    }
  });

  it('names the allowed origin on the upload, refused or not; the checks still hold', async () => {
    const ticket = await files.store.uploadTicket('claims/c5/e1.jpg', 'image/jpeg', 32, 300);
    const wrongType = await put(ticket.url, 'image/png', 32, storefront);
    expect(wrongType.status).toBe(403);
    // The page reads the refusal rather than a network error.
    expect(wrongType.headers.get('access-control-allow-origin')).toBe(storefront);
    expect((await put(ticket.url, 'image/jpeg', 33, storefront)).status).toBe(403);
    const tampered = new URL(ticket.url);
    tampered.searchParams.set('key', 'claims/c5/other.jpg');
    expect((await put(tampered.toString(), 'image/jpeg', 32, storefront)).status).toBe(403);
    expect(await files.store.stat('claims/c5/e1.jpg')).toBeNull();

    const uploaded = await put(ticket.url, 'image/jpeg', 32, storefront);
    expect(uploaded.status).toBe(200);
    expect(uploaded.headers.get('access-control-allow-origin')).toBe(storefront);
    expect(uploaded.headers.get('vary')).toBe('Origin');
    expect(await files.store.stat('claims/c5/e1.jpg')).toEqual({ sizeBytes: 32, contentType: null });
  });

  it('gives another origin no allow-origin on an upload (the browser hides the answer from its page)', async () => {
    const ticket = await files.store.uploadTicket('claims/c6/e1.jpg', 'image/jpeg', 32, 300);
    const answer = await put(ticket.url, 'image/jpeg', 32, 'http://evil.test');
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    expect(answer.headers.get('vary')).toBe('Origin');
  });
});

describe('reading an uploaded file back through a read URL', () => {
  const photo = new Uint8Array(64).map((_, i) => i);
  async function uploaded(key: string): Promise<void> {
    const ticket = await files.store.uploadTicket(key, 'image/png', photo.length, 300);
    expect((await fetch(ticket.url, { method: 'PUT', headers: { 'content-type': 'image/png' }, body: photo })).status).toBe(200);
  }

  it('serves the file as its type, inline, never sniffed, cached no longer than the URL lives; CORS as uploads', async () => {
    await uploaded('claims/c7/e1.png');
    const url = await files.store.viewUrl('claims/c7/e1.png', 'image/png', 600);
    expect(new URL(url).pathname).toBe(fileViewPath);
    const answer = await fetch(url, { headers: { origin: storefront } });
    expect(answer.status).toBe(200);
    expect(new Uint8Array(await answer.arrayBuffer())).toEqual(photo);
    expect(answer.headers.get('content-type')).toBe('image/png');
    expect(answer.headers.get('content-length')).toBe(String(photo.length));
    expect(answer.headers.get('content-disposition')).toBe('inline; filename="e1.png"');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    const maxAge = Number(answer.headers.get('cache-control')?.match(/^private, max-age=(\d+)$/)?.[1]);
    expect(maxAge).toBeGreaterThan(590);
    expect(maxAge).toBeLessThanOrEqual(600);
    expect(answer.headers.get('access-control-allow-origin')).toBe(storefront);
    expect(answer.headers.get('vary')).toBe('Origin');
    const elsewhere = await fetch(url, { headers: { origin: 'http://evil.test' } });
    expect(elsewhere.headers.get('access-control-allow-origin')).toBeNull();
    const head = await fetch(url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(photo.length));
  });

  it('refuses an expired or forged URL with 403 and serves nothing', async () => {
    await uploaded('claims/c8/e1.png');
    await uploaded('claims/c8/e2.png');
    const expired = await files.store.viewUrl('claims/c8/e1.png', 'image/png', -1);
    const valid = new URL(await files.store.viewUrl('claims/c8/e1.png', 'image/png', 600));
    const forged = [
      expired,
      ...(
        [
          ['key', 'claims/c8/e2.png'],
          ['type', 'image/jpeg'],
          ['expires', String(Number(valid.searchParams.get('expires')) + 86_400)],
          ['sig', 'A'.repeat(valid.searchParams.get('sig')!.length)],
        ] as const
      ).map(([name, value]) => {
        const url = new URL(valid);
        url.searchParams.set(name, value);
        return url.toString();
      }),
      // An upload URL for the same file is not a read URL.
      (await files.store.uploadTicket('claims/c8/e1.png', 'image/png', photo.length, 300)).url.replace(fileUploadPath, fileViewPath),
    ];
    for (const url of forged) {
      const answer = await fetch(url);
      expect(answer.status, url).toBe(403);
      expect(answer.headers.get('content-type'), url).not.toBe('image/png');
      expect(await answer.text(), url).toBe('forbidden');
    }
    expect((await fetch(valid)).status).toBe(200);
  });

  it('answers 404 for a signed URL to a file never uploaded, and 405 to anything but GET', async () => {
    expect((await fetch(await files.store.viewUrl('claims/c9/never.png', 'image/png', 600))).status).toBe(404);
    await uploaded('claims/c9/e1.png');
    const url = await files.store.viewUrl('claims/c9/e1.png', 'image/png', 600);
    const put = await fetch(url, { method: 'PUT', headers: { 'content-type': 'image/png' }, body: new Uint8Array(8) });
    expect(put.status).toBe(405);
    // The file is as uploaded.
    expect(await files.store.stat('claims/c9/e1.png')).toEqual({ sizeBytes: photo.length, contentType: null });
  });
});
