import { describe, expect, it } from 'vitest';
import { checkProductDetails } from './product-details.js';
import { checkImageUpload, ownImageKey, productImageContentTypes, productImageKey, productImageLimits } from './product-images.js';

const productId = '0b6f3a52-8d0e-4c1b-9a57-3c1e2f4d5a6b';
const otherProduct = '7d2c1b0a-3e4f-4a5b-8c6d-9e0f1a2b3c4d';
const imageId = 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f';
const prefix = 'http://127.0.0.1:4001/product-images?key=';
const store = { prefix, productId };

describe('checkImageUpload', () => {
  it('takes JPEG, PNG and WebP up to the limit, each with its extension', () => {
    expect(productImageContentTypes).toEqual(['image/jpeg', 'image/png', 'image/webp']);
    expect(checkImageUpload('image/jpeg', 1)).toEqual({ ok: true, extension: 'jpg' });
    expect(checkImageUpload('image/png', productImageLimits.maxBytes)).toEqual({ ok: true, extension: 'png' });
    expect(checkImageUpload('image/webp', 2048)).toEqual({ ok: true, extension: 'webp' });
  });

  it('refuses another type (even one the browser can show), an empty file and one over the limit, with a stable code', () => {
    for (const type of ['image/svg+xml', 'image/gif', 'text/html', 'video/mp4', 'constructor', '']) {
      expect(checkImageUpload(type, 10), type).toMatchObject({ ok: false, problem: { field: 'contentType', reason: 'IMAGE_TYPE_NOT_ALLOWED' } });
    }
    for (const size of [0, -1, 1.5, Number.NaN]) {
      expect(checkImageUpload('image/png', size), String(size)).toMatchObject({ ok: false, problem: { field: 'byteSize', reason: 'IMAGE_EMPTY' } });
    }
    expect(checkImageUpload('image/png', productImageLimits.maxBytes + 1)).toEqual({
      ok: false,
      problem: { field: 'byteSize', reason: 'IMAGE_TOO_LARGE', message: 'A product image is at most 10 MB.' },
    });
  });
});

describe('images of our store on a product', () => {
  const own = (key: string) => `${prefix}${key}`;
  const problems = (images: string[], s: { prefix: string; productId: string | null } | null = store) =>
    checkProductDetails({ images }, s).problems.map((p) => [p.field, p.reason]);

  it('keys an upload under its product, and reads the key back from the URL', () => {
    const key = productImageKey(productId.toUpperCase(), imageId, 'png');
    expect(key).toBe(`products/${productId}/${imageId}.png`);
    expect(ownImageKey(own(key), store)).toBe(key);
    expect(ownImageKey('https://cdn.example.com/a.jpg', store)).toBeNull();
    expect(ownImageKey(own(key), null)).toBeNull();
  });

  it("takes this product's uploads (http here: the store's address is the operator's) beside https URLs", () => {
    const images = [own(productImageKey(productId, imageId, 'png')), 'https://cdn.example.com/a.jpg'];
    expect(checkProductDetails({ images }, store)).toEqual({ details: { images }, problems: [] });
  });

  it("refuses another product's upload, any other address in the store, a duplicate, and the store's URLs on a product not created yet", () => {
    const mine = own(productImageKey(productId, imageId, 'png'));
    expect(problems([own(productImageKey(otherProduct, imageId, 'png'))])).toEqual([['images.0', 'IMAGE_OF_ANOTHER_PRODUCT']]);
    for (const key of [
      '',
      'products/',
      `products/${productId}/${imageId}.svg`,
      `products/${productId}/../${imageId}.png`,
      `other/${productId}/${imageId}.png`,
    ]) {
      expect(problems([own(key)]), key).toEqual([['images.0', 'IMAGE_NOT_IN_STORE']]);
    }
    expect(problems([mine, mine])).toEqual([['images.1', 'DUPLICATE']]);
    expect(problems([mine], { prefix, productId: null })).toEqual([['images.0', 'IMAGE_OF_ANOTHER_PRODUCT']]);
  });

  it('without a store, an http URL is refused as before', () => {
    expect(problems([own(productImageKey(productId, imageId, 'png'))], null)).toEqual([['images.0', 'INVALID_URL']]);
  });
});
