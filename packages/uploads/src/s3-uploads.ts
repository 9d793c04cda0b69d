import { GetObjectCommand, HeadObjectCommand, NotFound, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { StoredObject, UploadTicket } from './upload-store.js';

export interface S3Settings {
  endpoint: string | undefined;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Path-style URLs (MinIO, most S3-compatible servers). */
  forcePathStyle: boolean;
}

/** The bucket's own address for anonymous reads: path-style on an endpoint (MinIO), virtual-hosted on AWS. */
export function bucketAddress(settings: Pick<S3Settings, 'endpoint' | 'region' | 'bucket' | 'forcePathStyle'>): string {
  if (settings.endpoint) {
    const endpoint = settings.endpoint.replace(/\/+$/, '');
    if (settings.forcePathStyle) return `${endpoint}/${settings.bucket}`;
    const url = new URL(endpoint);
    return `${url.protocol}//${settings.bucket}.${url.host}`;
  }
  return `https://${settings.bucket}.s3.${settings.region}.amazonaws.com`;
}

/**
 * Browser uploads into an S3 bucket (any S3-compatible server): presigned PUT URLs that sign the content type and
 * length (storage refuses another type or size, and any tampering, with 403), a HEAD to see what really arrived,
 * and presigned GET URLs to read a private file. A separate entry point (`@vitrine/uploads/s3`): the AWS SDK
 * (~6 MiB of heap) is loaded only by a service whose files go to S3.
 */
export function s3Uploads(settings: S3Settings) {
  const client = new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    // Otherwise the SDK bakes the CRC32 of an empty body into presigned PUT URLs and storage rejects the real file.
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
  return {
    async ticket(key: string, contentType: string, sizeBytes: number, expiresInSeconds: number): Promise<UploadTicket> {
      const command = new PutObjectCommand({ Bucket: settings.bucket, Key: key, ContentType: contentType, ContentLength: sizeBytes });
      const url = await getSignedUrl(client, command, { expiresIn: expiresInSeconds, signableHeaders: new Set(['content-type', 'content-length']) });
      return { url, headers: { 'content-type': contentType, 'content-length': String(sizeBytes) } };
    },
    async stat(key: string): Promise<StoredObject | null> {
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket: settings.bucket, Key: key }));
        return { sizeBytes: head.ContentLength ?? 0, contentType: head.ContentType ?? null };
      } catch (error) {
        if (error instanceof NotFound || (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404)) return null;
        throw error;
      }
    },
    /** A short-lived URL reading the file as `contentType`, shown inline (the overrides are signed too). */
    async readUrl(key: string, contentType: string, expiresInSeconds: number): Promise<string> {
      const command = new GetObjectCommand({ Bucket: settings.bucket, Key: key, ResponseContentType: contentType, ResponseContentDisposition: 'inline' });
      return getSignedUrl(client, command, { expiresIn: expiresInSeconds });
    },
  };
}
