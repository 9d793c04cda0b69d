import type { StoredObject, UploadTicket } from '@vitrine/uploads';

export type { StoredObject, UploadTicket };

/**
 * Where evidence lives: S3 (any S3-compatible server) in production and in
 * tests, or a folder behind this service's own port for `npm start`.
 */
export interface EvidenceStore {
  /** A short-lived upload URL bound to this key, content type and size. */
  uploadTicket(key: string, contentType: string, sizeBytes: number, expiresInSeconds: number): Promise<UploadTicket>;
  /** What storage holds under the key, or null when nothing was uploaded. */
  stat(key: string): Promise<StoredObject | null>;
  /**
   * A short-lived URL to read the file under the key, answered with this content type and shown inline (not a
   * download); whoever holds it can read the file until it expires, so it is given only to who may see the claim.
   */
  viewUrl(key: string, contentType: string, expiresInSeconds: number): Promise<string>;
}
