/**
 * What a customer may upload as evidence (the store's limits, not policy):
 * photos and videos by content type, each with a size limit, through an
 * upload URL that lives a few minutes.
 */
export type EvidenceKind = 'PHOTO' | 'VIDEO';

export const evidenceContentTypes: Record<string, { kind: EvidenceKind; maxBytes: number }> = {
  'image/jpeg': { kind: 'PHOTO', maxBytes: 15 * 1024 * 1024 },
  'image/png': { kind: 'PHOTO', maxBytes: 15 * 1024 * 1024 },
  'image/webp': { kind: 'PHOTO', maxBytes: 15 * 1024 * 1024 },
  'video/mp4': { kind: 'VIDEO', maxBytes: 500 * 1024 * 1024 },
  'video/quicktime': { kind: 'VIDEO', maxBytes: 500 * 1024 * 1024 },
};

/** An upload URL expires this long after it is issued (the default of EVIDENCE_UPLOAD_TTL_SECONDS). */
export const uploadUrlTtlSeconds = 300;
/**
 * A read URL (staff or the customer looking at a file) expires this long after it is given out (the default of
 * EVIDENCE_VIEW_TTL_SECONDS): long enough to judge a claim's photos on one page, short enough that a copied link dies.
 */
export const viewUrlTtlSeconds = 600;
/** At most this many evidence files on one claim. */
export const maxEvidencePerClaim = 20;

export type UploadCheck =
  | { ok: true; kind: EvidenceKind }
  | { ok: false; field: 'contentType' | 'sizeBytes'; reason: 'CONTENT_TYPE_NOT_ALLOWED' | 'TOO_LARGE' | 'EMPTY'; message: string };

/** Whether an announced upload is allowed: its type is on the list and its size within that type's limit. */
export function checkUpload(contentType: string, sizeBytes: number): UploadCheck {
  const allowed = evidenceContentTypes[contentType];
  if (!allowed) {
    return { ok: false, field: 'contentType', reason: 'CONTENT_TYPE_NOT_ALLOWED', message: `Upload ${Object.keys(evidenceContentTypes).join(', ')}.` };
  }
  if (!Number.isSafeInteger(sizeBytes) || sizeBytes <= 0) return { ok: false, field: 'sizeBytes', reason: 'EMPTY', message: 'A file has at least one byte.' };
  if (sizeBytes > allowed.maxBytes) {
    return { ok: false, field: 'sizeBytes', reason: 'TOO_LARGE', message: `A ${allowed.kind.toLowerCase()} is at most ${allowed.maxBytes / 1024 / 1024} MB.` };
  }
  return { ok: true, kind: allowed.kind };
}
