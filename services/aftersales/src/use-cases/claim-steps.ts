import type { EntityManager } from '@mikro-orm/postgresql';
import { PolicyViolation, type Caller } from '@vitrine/platform';
import { transition, type ClaimStatus } from '../domain/claim-status.js';
import type { Claim } from '../store/claim.entity.js';
import { loadClaimFor } from './load-claim.js';

/** Moves the claim along the status table (a bug if a use case asks for a move it did not check). */
export function moveClaim(claim: Claim, to: ClaimStatus): void {
  claim.status = transition(claim.status as ClaimStatus, to);
}

const words = (status: string) => status.toLowerCase().replaceAll('_', ' ');

function requireStatus(claim: Claim, status: ClaimStatus | readonly ClaimStatus[], action: string): Claim {
  const allowed: readonly ClaimStatus[] = typeof status === 'string' ? [status] : status;
  if (!allowed.includes(claim.status as ClaimStatus)) {
    const only = allowed.map(words).join(' or ');
    throw new PolicyViolation(`A ${words(claim.status)} claim cannot be ${action}: only a ${only} one.`, 'CLAIM_STATUS_TRANSITION', {
      status: claim.status,
    });
  }
  return claim;
}

/** Where staff decide a claim from: submitted, or taken into review first. */
export const awaitingStaff: readonly ClaimStatus[] = ['SUBMITTED', 'UNDER_REVIEW'];

/**
 * The claim, locked, for staff to act on when it is in `status` (or one of them); otherwise
 * POLICY_VIOLATION `CLAIM_STATUS_TRANSITION` naming its status, and nothing
 * changes (someone without aftersales:decide never sees it: NOT_FOUND).
 */
export async function staffClaim(
  tx: EntityManager,
  caller: Caller,
  claimId: string,
  status: ClaimStatus | readonly ClaimStatus[],
  action: string,
): Promise<Claim> {
  return requireStatus(await loadClaimFor(tx, caller, claimId, { lock: true }), status, action);
}

/** The same for the claim's own customer: staff can see it, but the step is the customer's. */
export async function customerClaim(tx: EntityManager, caller: Caller, claimId: string, status: ClaimStatus, action: string): Promise<Claim> {
  const claim = await loadClaimFor(tx, caller, claimId, { lock: true });
  if (claim.customerId !== caller.id) throw new PolicyViolation(`Only the customer who made the claim can have it ${action}.`, 'claims.customer-only');
  return requireStatus(claim, status, action);
}
