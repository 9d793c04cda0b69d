import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { generateSigningKey, signingAlgorithm } from '../security/signing-key-material.js';
import { AuditEntry } from '../store/audit-entry.entity.js';
import { SigningKey } from '../store/signing-key.entity.js';

export function findActiveSigningKey(em: EntityManager): Promise<SigningKey | null> {
  return em.findOne(SigningKey, { algorithm: signingAlgorithm, retiredAt: null });
}

/** At start: makes sure a key is active. Two replicas racing both try; the partial unique index lets one win. */
export async function ensureActiveSigningKey(em: EntityManager): Promise<SigningKey> {
  const active = await findActiveSigningKey(em);
  if (active) return active;
  try {
    const created = em.create(SigningKey, { ...(await generateSigningKey()), retiredAt: null });
    await em.persist(created).flush();
    return created;
  } catch (err) {
    if (!(err instanceof UniqueConstraintViolationException)) throw err;
    return (await findActiveSigningKey(em.fork()))!;
  }
}

/**
 * Retires the active key and activates a new one, in one transaction. The
 * retired key stays in the JWKS for a token lifetime (domain/published-keys),
 * so tokens it signed keep working until they expire.
 */
export async function rotateSigningKey(em: EntityManager, actor: string | null): Promise<SigningKey> {
  const material = await generateSigningKey();
  return em.transactional(async (tx) => {
    // Serialises rotations: each statement after the lock sees the key the previous rotation activated.
    await tx.execute(`select pg_advisory_xact_lock(hashtext('accounts.signing_key'))`);
    const now = new Date();
    // Retire first with a direct UPDATE: the unit of work would insert before updating,
    // and for a moment two keys would be active, which the partial unique index refuses.
    const retired = await tx.find(SigningKey, { algorithm: signingAlgorithm, retiredAt: null });
    await tx.nativeUpdate(SigningKey, { algorithm: signingAlgorithm, retiredAt: null }, { retiredAt: now });
    const key = tx.create(SigningKey, { ...material, retiredAt: null });
    tx.persist(key);
    tx.persist(
      tx.create(AuditEntry, {
        id: randomUUID(),
        actor,
        action: 'signing-key.rotated',
        subject: key.kid,
        details: { retired: retired.map((k) => k.kid) },
      }),
    );
    return key;
  });
}
