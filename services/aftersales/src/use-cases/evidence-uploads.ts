import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInput, PolicyViolation, storeNow, type Caller } from '@vitrine/platform';
import { checkUpload, maxEvidencePerClaim } from '../domain/evidence-limits.js';
import { evidenceStore, uploadTtlSeconds } from '../storage/configure-evidence-store.js';
import type { UploadTicket } from '../storage/evidence-store.js';
import { Evidence } from '../store/evidence.entity.js';
import { loadClaimFor } from './load-claim.js';

export interface EvidenceUpload {
  evidence: Evidence;
  ticket: UploadTicket;
}

const extensions: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'video/mp4': 'mp4', 'video/quicktime': 'mov' };

/**
 * A short-lived URL to upload one photo or video of a draft claim (or one staff
 * sent back for more evidence) straight to
 * storage, bound to the announced content type and size (the store's limits).
 */
export async function requestEvidenceUpload(
  em: EntityManager,
  caller: Caller,
  claimId: string,
  contentType: string,
  sizeBytes: number,
): Promise<EvidenceUpload> {
  const allowed = checkUpload(contentType, sizeBytes);
  if (!allowed.ok)
    throw new BadUserInput('This file cannot be uploaded as evidence.', [{ field: allowed.field, reason: allowed.reason, message: allowed.message }]);
  return em.transactional(async (tx) => {
    const claim = await loadClaimFor(tx, caller, claimId, { lock: true });
    if (claim.customerId !== caller.id) throw new PolicyViolation('Only the customer who made the claim adds evidence to it.', 'claims.evidence-by-customer');
    // A draft collects evidence; so does a claim staff sent back for more.
    if (claim.status !== 'DRAFT' && claim.status !== 'NEEDS_MORE_EVIDENCE') {
      throw new PolicyViolation('Evidence is added before the claim is submitted, or when staff ask for more.', 'claims.evidence-before-submission');
    }
    if ((await tx.count(Evidence, { claimId })) >= maxEvidencePerClaim) {
      throw new BadUserInput('This claim has all the evidence it can take.', [
        { field: 'claimId', reason: 'TOO_MANY_FILES', message: `At most ${maxEvidencePerClaim} files.` },
      ]);
    }
    const id = randomUUID();
    const now = storeNow();
    const ttl = uploadTtlSeconds();
    const evidence = tx.create(Evidence, {
      id,
      claimId,
      objectKey: `claims/${claimId}/${id}.${extensions[contentType] ?? 'bin'}`,
      kind: allowed.kind,
      contentType,
      sizeBytes,
      status: 'PENDING',
      uploadExpiresAt: new Date(now.getTime() + ttl * 1000),
      createdAt: now,
      confirmedAt: null,
    });
    const ticket = await evidenceStore().uploadTicket(evidence.objectKey, contentType, sizeBytes, ttl);
    return { evidence, ticket };
  });
}
