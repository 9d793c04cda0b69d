import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootCatalog, createProduct, type CatalogHarness } from './harness.js';
import { imageSteps, onePixelPng, problemsOf, put, startImageBucket, type ImageBucket } from './product-image-steps.js';

// Staff's product images on a real S3 server (MinIO checks presigned URLs' signatures as S3 does): an upload URL
// bound to the image's type and size, refusals that change nothing, the product taking only uploads that
// arrived (a HEAD on attach), and customers reading the image at its public URL.
let bucket: ImageBucket;
let catalog: CatalogHarness;
let steps: ReturnType<typeof imageSteps>;

beforeAll(async () => {
  bucket = await startImageBucket();
  catalog = await bootCatalog('product_images_s3', bucket.env);
  steps = imageSteps(catalog);
}, 600_000);
afterAll(async () => {
  await catalog?.stop();
  await bucket?.minio.stop();
});

describe('product images in an S3 bucket', () => {
  it('staff upload a PNG with the URL they are given, attach it once it arrived, and anyone reads it at its public URL', async () => {
    const { id } = await createProduct(catalog, 0, 1000, { status: 'ANNOUNCED' });
    const requested = await steps.requestUpload(id, 'image/png', onePixelPng.length);
    expect(requested.errors).toBeUndefined();
    const ticket = requested.data!.requestProductImageUpload;
    expect(ticket.imageUrl).toMatch(new RegExp(`^${bucket.env.PRODUCT_IMAGE_S3_ENDPOINT}/catalog-product-images/products/${id}/[0-9a-f-]{36}\\.png$`));
    expect(ticket.headers).toContainEqual({ name: 'content-type', value: 'image/png' });
    expect(new Date(ticket.expiresAt).getTime()).toBeGreaterThan(Date.now());

    // Not uploaded yet: the product refuses the URL and nothing changes.
    const audits = await steps.auditCount(id);
    const early = await steps.setImages(id, [ticket.imageUrl]);
    expect(early.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(problemsOf(early)).toEqual([['images.0', 'IMAGE_NOT_UPLOADED']]);
    expect((await steps.read(id)).product!.images).toEqual([]);
    expect(await steps.auditCount(id)).toBe(audits);

    // The signature binds type and size: storage refuses anything else.
    expect((await put(ticket, onePixelPng, { 'content-type': 'text/html' })).status).toBe(403);
    expect((await put(ticket, Buffer.concat([onePixelPng, Buffer.from('x')]))).status).toBe(403);
    expect((await put(ticket, onePixelPng)).status).toBe(200);

    const attached = await steps.setImages(id, ['https://cdn.example.com/cover.jpg', ticket.imageUrl]);
    expect(attached.errors).toBeUndefined();
    expect(attached.data!.updateProduct.images).toEqual(['https://cdn.example.com/cover.jpg', ticket.imageUrl]);
    expect((await steps.read(id)).product!.images).toEqual(['https://cdn.example.com/cover.jpg', ticket.imageUrl]);

    // Public: no credentials, the bytes and type uploaded.
    const image = await fetch(ticket.imageUrl);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await image.arrayBuffer()).equals(onePixelPng)).toBe(true);

    // Removed from the list (the object stays: keys are never reused, and an order page may still show it).
    const removed = await steps.setImages(id, ['https://cdn.example.com/cover.jpg']);
    expect(removed.data!.updateProduct.images).toEqual(['https://cdn.example.com/cover.jpg']);
  });

  it('refuses a type or size out of the limits, with a stable code, and hands out nothing', async () => {
    const { id } = await createProduct(catalog, 0, 1000, { status: 'ANNOUNCED' });
    const { productImageLimits } = await steps.read(id);
    expect(productImageLimits).toEqual({ contentTypes: ['image/jpeg', 'image/png', 'image/webp'], maxBytes: 10 * 1024 * 1024 });
    for (const [type, size, problem] of [
      ['image/svg+xml', 100, ['contentType', 'IMAGE_TYPE_NOT_ALLOWED']],
      ['image/png', productImageLimits.maxBytes + 1, ['byteSize', 'IMAGE_TOO_LARGE']],
      ['image/png', 0, ['byteSize', 'IMAGE_EMPTY']],
    ] as const) {
      const res = await steps.requestUpload(id, type, size);
      expect(res.errors?.[0]?.extensions?.code, type).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toBe('This file cannot be uploaded as a product image.');
      expect(problemsOf(res)).toEqual([problem]);
    }
    expect((await steps.requestUpload(randomUUID(), 'image/png', 10)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // Customers (and anyone without catalog:write) get no upload URL.
    const customer = await steps.requestUpload(id, 'image/png', 10, catalog.customer.headers);
    expect(customer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("refuses another product's upload, an address of the store that names no upload, and the store's URLs at creation", async () => {
    const { id } = await createProduct(catalog, 0, 1000, { status: 'ANNOUNCED' });
    const other = await createProduct(catalog, 0, 1000, { status: 'ANNOUNCED' });
    const ticket = (await steps.requestUpload(other.id, 'image/jpeg', onePixelPng.length)).data!.requestProductImageUpload;
    expect((await put(ticket, onePixelPng)).status).toBe(200);
    const prefix = `${bucket.env.PRODUCT_IMAGE_S3_ENDPOINT}/catalog-product-images/`;

    const refused = await steps.setImages(id, [ticket.imageUrl, `${prefix}products/${id}/cover.png`]);
    expect(problemsOf(refused)).toEqual([
      ['images.0', 'IMAGE_OF_ANOTHER_PRODUCT'],
      ['images.1', 'IMAGE_NOT_IN_STORE'],
    ]);
    expect((await steps.read(id)).product!.images).toEqual([]);

    const created = await steps.createWith([ticket.imageUrl]);
    expect(problemsOf(created)).toEqual([['images.0', 'IMAGE_OF_ANOTHER_PRODUCT']]);
  });
});
