import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { PolicyViolation } from '@vitrine/platform';
import { decideRotation, signingKeyAt } from '../domain/published-keys.js';
import { generateSigningKey, signingAlgorithm } from '../security/signing-key-material.js';
import { AuditEntry } from '@vitrine/platform';
import { SigningKey } from '../store/signing-key.entity.js';

/** Keys still signing or about to (retired_at null or in the future): at most the active key and a pending one. */
function unretiredKeys(em: EntityManager, now: Date): Promise<SigningKey[]> {
  return em.find(SigningKey, { algorithm: signingAlgorithm, $or: [{ retiredAt: null }, { retiredAt: { $gt: now } }] });
}

/** The key that signs access tokens at `now` (domain/published-keys signingKeyAt). */
export async function findSigningKey(em: EntityManager, now = new Date()): Promise<SigningKey | null> {
  return signingKeyAt(await unretiredKeys(em, now), now) ?? null;
}

/** Every signing key's public facts and schedule (never the private half), the newest first. */
export function listSigningKeys(em: EntityManager): Promise<Pick<SigningKey, 'kid' | 'algorithm' | 'createdAt' | 'activatesAt' | 'retiredAt'>[]> {
  return em.find(
    SigningKey,
    {},
    { fields: ['kid', 'algorithm', 'createdAt', 'activatesAt', 'retiredAt'], orderBy: { activatesAt: 'desc', createdAt: 'desc' } },
  );
}

/**
 * At start: makes sure a key exists (the first one signs at once) and returns
 * the key signing now. Two replicas racing both try; the partial unique index
 * lets one win.
 */
export async function ensureSigningKey(em: EntityManager): Promise<SigningKey> {
  const latest = await em.findOne(SigningKey, { algorithm: signingAlgorithm, retiredAt: null });
  if (!latest) {
    try {
      const now = new Date();
      await em.persist(em.create(SigningKey, { ...(await generateSigningKey()), createdAt: now, activatesAt: now, retiredAt: null })).flush();
    } catch (err) {
      if (!(err instanceof UniqueConstraintViolationException)) throw err;
    }
  }
  const signing = await findSigningKey(em.fork());
  if (!signing) throw new Error('no signing key is active');
  return signing;
}

/**
 * Staged rotation: publishes a new key now and schedules it to sign after
 * `publishLeadSeconds` (KEY_PUBLISH_LEAD_SECONDS), when the current key
 * retires, so every verifier's cached JWKS lists the new kid before any token
 * carries it. Refused (POLICY_VIOLATION, ROTATION_IN_PROGRESS) while a key
 * rotated in earlier is still pending. The retired key stays in the JWKS for
 * a token lifetime (domain/published-keys), so tokens it signed keep working
 * until they expire.
 */
export async function rotateSigningKey(em: EntityManager, actor: string | null, publishLeadSeconds: number): Promise<SigningKey> {
  const material = await generateSigningKey();
  return em.transactional(async (tx) => {
    // Serialises rotations: each sees the key the previous one scheduled.
    await tx.execute(`select pg_advisory_xact_lock(hashtext('accounts.signing_key'))`);
    const now = new Date();
    const decision = decideRotation(await unretiredKeys(tx, now), now, publishLeadSeconds);
    if (!decision.ok) {
      throw new PolicyViolation(decision.message, decision.rule, {
        kid: decision.pending.kid,
        activatesAt: decision.pending.activatesAt.toISOString(),
        retryAfterSeconds: decision.retryAfterSeconds,
      });
    }
    const retiring = decision.retiring.map((k) => k.kid);
    // Schedule the retirement first with a direct UPDATE: the unit of work would insert before
    // updating, and for a moment two keys would lack a successor, which the partial unique index refuses.
    if (retiring.length > 0) await tx.nativeUpdate(SigningKey, { kid: { $in: retiring } }, { retiredAt: decision.activatesAt });
    const key = tx.create(SigningKey, { ...material, createdAt: now, activatesAt: decision.activatesAt, retiredAt: null });
    tx.persist(key);
    tx.persist(
      tx.create(AuditEntry, {
        id: randomUUID(),
        actor,
        action: 'signing-key.rotated',
        subject: key.kid,
        details: { activatesAt: decision.activatesAt.toISOString(), retires: retiring },
      }),
    );
    return key;
  });
}
