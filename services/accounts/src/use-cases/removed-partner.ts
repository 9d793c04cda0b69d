import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventData, partnerRemovedV1 } from '@vitrine/contracts';
import { AuditEntry } from '@vitrine/platform';
import { PartnerCredential } from '../store/partner-credential.entity.js';

/**
 * notifications removed a partner: every credential it still has is revoked,
 * so no new token is issued for it (tokens already issued expire within their
 * short lifetime), whether or not the staff member who removed it may manage
 * credentials here. Audited as a staff revocation, by the staff member who
 * removed the partner. Runs in the inbox's transaction; a redelivery finds
 * nothing left to revoke.
 */
export async function revokeRemovedPartnerCredentials(em: EntityManager, removal: EventData<typeof partnerRemovedV1>): Promise<void> {
  // Locked like a staff revocation's row, so the two cannot both audit one credential.
  const live = await em.find(PartnerCredential, { partnerId: removal.partnerId, revokedAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const now = new Date();
  for (const credential of live) {
    credential.revokedAt = now;
    em.persist(
      em.create(AuditEntry, {
        id: randomUUID(),
        actor: removal.removedBy,
        action: 'partner-credential.revoked',
        subject: credential.clientId,
        details: { partnerId: removal.partnerId, partnerRemovedAt: removal.removedAt },
      }),
    );
  }
}
