import type { Caller } from '@vitrine/platform';
import { canAccessOwnedBy } from '../identity.js';
import { evidenceStore, viewTtlSeconds } from '../storage/configure-evidence-store.js';

export interface ViewableEvidence {
  objectKey: string;
  contentType: string;
  status: string;
  /** The claim's customer: with staff (aftersales:decide), the only one who may look at the file. */
  customerId: string | null;
}

/**
 * A short-lived URL to look at one evidence file (EVIDENCE_VIEW_TTL_SECONDS), for the claim's customer and staff
 * with `aftersales:decide`; null for anyone else, and for a file not yet found in storage (CONFIRMED happens at
 * submission, once the file was seen there as announced).
 */
export async function evidenceViewUrl(caller: Caller, evidence: ViewableEvidence): Promise<string | null> {
  if (evidence.status !== 'CONFIRMED' || evidence.customerId === null) return null;
  if (!canAccessOwnedBy(caller, evidence.customerId, 'aftersales:decide')) return null;
  return evidenceStore().viewUrl(evidence.objectKey, evidence.contentType, viewTtlSeconds());
}
