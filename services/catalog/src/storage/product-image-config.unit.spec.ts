import { describe, expect, it } from 'vitest';
import { loadConfig } from '@vitrine/platform';
import { catalogEnv } from '../config/catalog-env.js';
import { uploadCorsOrigins } from '@vitrine/uploads';
import { bucketAddress } from '@vitrine/uploads/s3';

describe('PRODUCT_IMAGE_* settings', () => {
  it('default to the folder store, five-minute upload URLs and the local web app as the uploading origin', () => {
    expect(loadConfig(catalogEnv, {})).toMatchObject({
      PRODUCT_IMAGE_STORE: 'file',
      PRODUCT_IMAGE_UPLOAD_TTL_SECONDS: 300,
      PRODUCT_IMAGE_CORS_ORIGINS: ['http://127.0.0.1:3000', 'http://localhost:3000'],
      PRODUCT_IMAGE_S3_FORCE_PATH_STYLE: true,
    });
  });

  it('refuses an unknown store, a bad origin, a TTL out of range and a short secret, naming the setting', () => {
    for (const [name, value] of [
      ['PRODUCT_IMAGE_STORE', 'disk'],
      ['PRODUCT_IMAGE_CORS_ORIGINS', 'https://admin.example.com/'],
      ['PRODUCT_IMAGE_UPLOAD_TTL_SECONDS', '0'],
      ['PRODUCT_IMAGE_FILE_SECRET', 'short'],
      ['PRODUCT_IMAGE_PUBLIC_URL', 'ftp://images.example.com'],
    ] as const) {
      expect(() => loadConfig(catalogEnv, { [name]: value }), name).toThrow(new RegExp(name));
    }
  });

  it('refuses * as an uploading origin in production only', () => {
    expect(() => uploadCorsOrigins('PRODUCT_IMAGE_CORS_ORIGINS', ['*'], true)).toThrow(/refused in production/);
    expect(uploadCorsOrigins('PRODUCT_IMAGE_CORS_ORIGINS', ['*'], false)).toEqual(['*']);
  });
});

describe("an S3 bucket's public address (unless PRODUCT_IMAGE_PUBLIC_URL names a CDN)", () => {
  it('is path-style on an endpoint (MinIO), virtual-hosted otherwise, and AWS without an endpoint', () => {
    const bucket = 'shop-images';
    expect(bucketAddress({ endpoint: 'http://127.0.0.1:9000/', region: 'us-east-1', bucket, forcePathStyle: true })).toBe('http://127.0.0.1:9000/shop-images');
    expect(bucketAddress({ endpoint: 'https://s3.example.com', region: 'eu', bucket, forcePathStyle: false })).toBe('https://shop-images.s3.example.com');
    expect(bucketAddress({ endpoint: undefined, region: 'eu-west-3', bucket, forcePathStyle: false })).toBe('https://shop-images.s3.eu-west-3.amazonaws.com');
  });
});
