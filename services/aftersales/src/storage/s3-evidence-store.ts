import { s3Uploads, type S3Settings } from '@vitrine/uploads/s3';
import type { EvidenceStore } from './evidence-store.js';

export type { S3Settings };

/**
 * Evidence in an S3 bucket (`@vitrine/uploads/s3`): presigned PUT URLs that sign the content type and length, a HEAD
 * to see what really arrived, and presigned GET URLs to look at a file (evidence is private: never a public URL).
 */
export function s3EvidenceStore(settings: S3Settings): EvidenceStore {
  const bucket = s3Uploads(settings);
  return { uploadTicket: bucket.ticket, stat: bucket.stat, viewUrl: bucket.readUrl };
}
