import type { StoredObject, UploadTicket } from '@vitrine/uploads';

export type { StoredObject, UploadTicket };

/**
 * Where product images live: S3 (any S3-compatible server, public read) in production and in tests, or a folder
 * behind this service's own port for `npm start`. Images are public: customers read them at `prefix + key`.
 */
export interface ProductImageStore {
  /** A short-lived upload URL bound to this key, content type and size. */
  uploadTicket(key: string, contentType: string, byteSize: number, expiresInSeconds: number): Promise<UploadTicket>;
  /** What storage holds under the key (a HEAD), or null when nothing was uploaded there. */
  stat(key: string): Promise<StoredObject | null>;
  /** The start of every image URL of this store; an image's URL is this followed by its key. */
  prefix(): string;
}
