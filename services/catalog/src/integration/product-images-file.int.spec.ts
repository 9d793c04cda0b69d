import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootCatalog, createProduct, type CatalogHarness } from './harness.js';
import { imageSteps, onePixelPng, problemsOf, put } from './product-image-steps.js';

// `npm start`'s image store: a folder behind catalog's own port, uploaded to from the back office's origin
// (PRODUCT_IMAGE_CORS_ORIGINS) with a signed URL, and read by anyone at the image's URL.
const backOffice = 'http://127.0.0.1:3100';
let catalog: CatalogHarness;
let steps: ReturnType<typeof imageSteps>;
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'vitrine-product-images-'));
  catalog = await bootCatalog('product_images_file', { PRODUCT_IMAGE_STORE: 'file', PRODUCT_IMAGE_FILE_DIR: folder, PRODUCT_IMAGE_CORS_ORIGINS: backOffice });
  steps = imageSteps(catalog);
}, 600_000);
afterAll(async () => {
  await catalog?.stop();
  if (folder) await rm(folder, { recursive: true, force: true });
});

const preflight = (url: string, origin: string) =>
  fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type' } });

describe("product images in the file store on catalog's port", () => {
  it('takes an upload from the back office’s origin, attaches it once it arrived, and serves it to anyone', async () => {
    const { id } = await createProduct(catalog, 0, 1000, { status: 'ANNOUNCED' });
    const ticket = (await steps.requestUpload(id, 'image/png', onePixelPng.length)).data!.requestProductImageUpload;
    const origin = new URL(catalog.url).origin;
    expect(ticket.url.startsWith(`${origin}/product-image-uploads?`)).toBe(true);
    expect(ticket.imageUrl).toMatch(new RegExp(`^${origin}/product-images\\?key=products/${id}/[0-9a-f-]{36}\\.png$`));

    expect((await preflight(ticket.url, 'http://evil.test')).headers.get('access-control-allow-origin')).toBeNull();
    const allowed = await preflight(ticket.url, backOffice);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(backOffice);

    expect(problemsOf(await steps.setImages(id, [ticket.imageUrl]))).toEqual([['images.0', 'IMAGE_NOT_UPLOADED']]);
    expect((await fetch(ticket.imageUrl)).status).toBe(404);

    // A URL signed for one type and size takes nothing else, and a forged signature nothing at all.
    expect((await put(ticket, onePixelPng, { 'content-type': 'image/jpeg' })).status).toBe(403);
    expect((await put(ticket, Buffer.concat([onePixelPng, Buffer.from('x')]))).status).toBe(403);
    const forged = { ...ticket, url: ticket.url.replace(/sig=[^&]+/, 'sig=AAAA') };
    expect((await put(forged, onePixelPng)).status).toBe(403);
    const uploaded = await put(ticket, onePixelPng, { origin: backOffice });
    expect(uploaded.status).toBe(200);
    expect(uploaded.headers.get('access-control-allow-origin')).toBe(backOffice);

    const attached = await steps.setImages(id, [ticket.imageUrl]);
    expect(attached.errors).toBeUndefined();
    expect((await steps.read(id)).product!.images).toEqual([ticket.imageUrl]);

    const image = await fetch(ticket.imageUrl);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await image.arrayBuffer()).equals(onePixelPng)).toBe(true);
    // Only images, only under the store's keys: no other file of the folder is reachable.
    expect((await readdir(join(folder, 'products', id))).length).toBe(1);
    for (const key of ['../etc/passwd', `products/${id}`, `products/${id}/../../x.png`]) {
      expect((await fetch(`${origin}/product-images?key=${encodeURIComponent(key)}`)).status, key).toBe(404);
    }
  });

  it('adds and removes one image at a time under the row lock: uploads attached at the same moment are all kept', async () => {
    const { id } = await createProduct(catalog, 0, 1000, { status: 'ANNOUNCED' });
    const before = 'https://img.example.com/cover.jpg';
    expect((await steps.addImage(id, before)).errors).toBeUndefined();
    const tickets = await Promise.all(
      Array.from({ length: 4 }, async () => (await steps.requestUpload(id, 'image/png', onePixelPng.length)).data!.requestProductImageUpload),
    );
    // Never uploaded: refused, nothing changes.
    expect(problemsOf(await steps.addImage(id, tickets[0]!.imageUrl))).toEqual([['imageUrl', 'IMAGE_NOT_UPLOADED']]);
    for (const ticket of tickets) expect((await put(ticket, onePixelPng)).status).toBe(200);
    // Four staff add theirs at once: none is lost (a read-then-write of the whole list would keep only one).
    const added = await Promise.all(tickets.map((t) => steps.addImage(id, t.imageUrl)));
    expect(added.map((a) => a.errors)).toEqual([undefined, undefined, undefined, undefined]);
    const images = (await steps.read(id)).product!.images;
    expect(images[0]).toBe(before);
    expect([...images.slice(1)].sort()).toEqual(tickets.map((t) => t.imageUrl).sort());
    // Again: nothing changes. Not an https URL, another product's upload: refused.
    expect((await steps.addImage(id, before)).data!.addProductImage.images).toEqual(images);
    expect(problemsOf(await steps.addImage(id, 'http://img.example.com/x.jpg'))).toEqual([['imageUrl', 'INVALID_URL']]);
    const other = await createProduct(catalog, 0, 1000, { status: 'ANNOUNCED' });
    expect(problemsOf(await steps.addImage(other.id, tickets[1]!.imageUrl))?.[0]?.[0]).toBe('imageUrl');
    expect((await steps.read(other.id)).product!.images).toEqual([]);
    // A customer may not.
    const customer = await catalog.tokens.customer();
    expect((await steps.addImage(id, 'https://img.example.com/y.jpg', customer.headers)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const removed = await steps.removeImage(id, tickets[2]!.imageUrl);
    expect(removed.data!.removeProductImage.images).toEqual(images.filter((url) => url !== tickets[2]!.imageUrl));
    expect((await steps.removeImage(id, tickets[2]!.imageUrl)).data!.removeProductImage.images).toHaveLength(images.length - 1);
    const audit = await catalog.sql<{ n: number }>(`select count(*)::int as n from catalog.audit_entry where subject = ? and action = 'product.updated'`, [id]);
    // One entry per change: the first image, four uploads, one removal (the repeats changed nothing).
    expect(audit[0]!.n).toBe(6);
  });
});
