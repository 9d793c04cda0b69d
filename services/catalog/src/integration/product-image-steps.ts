// Test-only helpers for the product image specs (excluded from the build): the staff steps through catalog's API,
// and a MinIO bucket that serves its objects publicly as production's bucket (or CDN) does.
import { randomUUID } from 'node:crypto';
import { CreateBucketCommand, PutBucketPolicyCommand, S3Client } from '@aws-sdk/client-s3';
import { startMinioServer, type RunningMinio } from '@vitrine/local-infra';
import { gql } from '@vitrine/testing';
import { graphql } from '../__generated__/index.js';
import type { CatalogHarness } from './harness.js';

/** A tiny real PNG (1x1, one red pixel). */
export const onePixelPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC', 'base64');

const requestUpload = graphql(`
  mutation ImageRequestUpload($productId: ID!, $contentType: String!, $byteSize: Int!) {
    requestProductImageUpload(productId: $productId, contentType: $contentType, byteSize: $byteSize) {
      url
      headers {
        name
        value
      }
      expiresAt
      imageUrl
    }
  }
`);
const setImages = graphql(`
  mutation ImageSetImages($id: ID!, $images: [String!]) {
    updateProduct(id: $id, input: { images: $images }) {
      id
      images
    }
  }
`);
const addImage = graphql(`
  mutation ImageAddOne($productId: ID!, $imageUrl: String!) {
    addProductImage(productId: $productId, imageUrl: $imageUrl) {
      images
    }
  }
`);
const removeImage = graphql(`
  mutation ImageRemoveOne($productId: ID!, $imageUrl: String!) {
    removeProductImage(productId: $productId, imageUrl: $imageUrl) {
      images
    }
  }
`);
const createWithImages = graphql(`
  mutation ImageCreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      id
    }
  }
`);
const productImages = graphql(`
  query ImageProductImages($id: ID!) {
    product(id: $id) {
      images
    }
    productImageLimits {
      contentTypes
      maxBytes
    }
  }
`);

export const problemsOf = (res: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  (res.errors?.[0]?.extensions?.problems as { field: string; reason: string }[] | undefined)?.map((p) => [p.field, p.reason]);

export const imageSteps = (catalog: CatalogHarness) => ({
  requestUpload: (productId: string, contentType: string, byteSize: number, headers = catalog.admin.headers) =>
    gql(catalog.url, requestUpload, { productId, contentType, byteSize }, headers),
  /** A new product given these images at creation. */
  createWith: (images: string[]) =>
    gql(
      catalog.url,
      createWithImages,
      { input: { sku: `IMG-${randomUUID().slice(0, 8)}`, name: 'Figure', price: { amount: 1000, currency: 'USD' }, images } },
      catalog.admin.headers,
    ),
  setImages: (id: string, images: string[]) => gql(catalog.url, setImages, { id, images }, catalog.admin.headers),
  addImage: (productId: string, imageUrl: string, headers = catalog.admin.headers) => gql(catalog.url, addImage, { productId, imageUrl }, headers),
  removeImage: (productId: string, imageUrl: string) => gql(catalog.url, removeImage, { productId, imageUrl }, catalog.admin.headers),
  read: async (id: string) => {
    const res = await gql(catalog.url, productImages, { id });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  },
  /** The product's audit entries: a refused step writes none. */
  auditCount: async (id: string) => (await catalog.sql<{ n: number }>('select count(*)::int as n from catalog.audit_entry where subject = ?', [id]))[0]!.n,
});

/** PUTs bytes to an upload URL with the headers it was signed for (fetch sets Content-Length from the body). */
export const put = (ticket: { url: string; headers: { name: string; value: string }[] }, body: Uint8Array, extra: Record<string, string> = {}) =>
  fetch(ticket.url, {
    method: 'PUT',
    headers: { ...Object.fromEntries(ticket.headers.filter((h) => h.name !== 'content-length').map((h) => [h.name, h.value])), ...extra },
    body,
  });

export interface ImageBucket {
  minio: RunningMinio;
  env: Record<string, string>;
}

/** MinIO with one bucket whose objects anyone may GET (as production's public bucket), and catalog's settings for it. */
export async function startImageBucket(bucket = 'catalog-product-images'): Promise<ImageBucket> {
  const minio = await startMinioServer();
  try {
    const s3 = new S3Client({
      endpoint: minio.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: minio.accessKeyId, secretAccessKey: minio.secretAccessKey },
    });
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const policy = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: ['*'] }, Action: ['s3:GetObject'], Resource: [`arn:aws:s3:::${bucket}/*`] }],
    };
    await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify(policy) }));
    s3.destroy();
    return {
      minio,
      env: {
        PRODUCT_IMAGE_STORE: 's3',
        PRODUCT_IMAGE_S3_ENDPOINT: minio.endpoint,
        PRODUCT_IMAGE_S3_BUCKET: bucket,
        PRODUCT_IMAGE_S3_ACCESS_KEY_ID: minio.accessKeyId,
        PRODUCT_IMAGE_S3_SECRET_ACCESS_KEY: minio.secretAccessKey,
      },
    };
  } catch (err) {
    await minio.stop();
    throw err;
  }
}
