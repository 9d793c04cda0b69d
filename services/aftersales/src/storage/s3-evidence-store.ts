import { GetObjectCommand, HeadObjectCommand, NotFound, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { EvidenceStore, StoredObject, UploadTicket } from './evidence-store.js';

export interface S3Settings {
  endpoint: string | undefined;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Path-style URLs (MinIO, most S3-compatible servers). */
  forcePathStyle: boolean;
}

/**
 * Evidence in an S3 bucket: presigned PUT URLs that sign the content type
 * and length (storage refuses another type or size, and any tampering, with
 * 403), a HEAD to see what really arrived, and presigned GET URLs to look at a file.
 */
export function s3EvidenceStore(settings: S3Settings): EvidenceStore {
  const client = new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    // Otherwise the SDK bakes the CRC32 of an empty body into presigned PUT URLs and storage rejects the real file.
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
  return {
    async uploadTicket(key, contentType, sizeBytes, expiresInSeconds): Promise<UploadTicket> {
      const command = new PutObjectCommand({ Bucket: settings.bucket, Key: key, ContentType: contentType, ContentLength: sizeBytes });
      const url = await getSignedUrl(client, command, { expiresIn: expiresInSeconds, signableHeaders: new Set(['content-type', 'content-length']) });
      return { url, headers: { 'content-type': contentType, 'content-length': String(sizeBytes) } };
    },
    async stat(key): Promise<StoredObject | null> {
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket: settings.bucket, Key: key }));
        return { sizeBytes: head.ContentLength ?? 0, contentType: head.ContentType ?? null };
      } catch (error) {
        if (error instanceof NotFound || (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404)) return null;
        throw error;
      }
    },
    async viewUrl(key, contentType, expiresInSeconds): Promise<string> {
      // The response overrides are signed too: the answer is the announced type, shown inline rather than downloaded.
      const command = new GetObjectCommand({ Bucket: settings.bucket, Key: key, ResponseContentType: contentType, ResponseContentDisposition: 'inline' });
      return getSignedUrl(client, command, { expiresIn: expiresInSeconds });
    },
  };
}
