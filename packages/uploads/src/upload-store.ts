/** What a browser needs to upload one file straight to storage. */
export interface UploadTicket {
  url: string;
  /** Headers the upload must send exactly (they are part of the signature). */
  headers: Record<string, string>;
}

/** What storage holds under a key. */
export interface StoredObject {
  sizeBytes: number;
  /** As storage recorded it; null where the store keeps none (a folder). */
  contentType: string | null;
}
