import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileEvidenceStore, fileUploadPath } from './file-evidence-store.js';

// The store `npm start` uses instead of S3: the same contract (signed, expiring URLs bound to type and size), on local disk.
let server: Server;
let folder: string;
let files: ReturnType<typeof fileEvidenceStore>;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'vitrine-evidence-test-'));
  server = createServer((req, res) => {
    if (new URL(req.url ?? '/', 'http://local').pathname === fileUploadPath) void files.route(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  files = fileEvidenceStore({ folder, publicUrl: `http://127.0.0.1:${port}`, secret: 'test-secret' });
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await rm(folder, { recursive: true, force: true });
});

const put = (url: string, type: string, size: number) => fetch(url, { method: 'PUT', headers: { 'content-type': type }, body: new Uint8Array(size) });

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
