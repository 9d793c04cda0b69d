/**
 * The schedule of access-token signing keys (staged rotation), as pure rules
 * over a list of keys and an injected time.
 *
 * A key is written with `activatesAt` (when it starts signing) and, once a
 * successor is scheduled, `retiredAt` = that successor's `activatesAt` (when
 * it stops signing). Rotation publishes the successor at once but lets it
 * sign only after a lead time, so every verifier's cached JWKS already lists
 * it before any token carries its kid; and a retired key stays published for
 * a token lifetime, so tokens it signed stay valid until they expire. Nobody
 * is logged out and no verifier ever sees an unknown kid.
 */
export interface ScheduledKey {
  kid: string;
  /** When it starts (started) signing. */
  activatesAt: Date;
  /** When it stops (stopped) signing: its successor's activatesAt; null while it has no successor. */
  retiredAt?: Date | null;
}

/** PENDING: published, not signing yet. ACTIVE: signing. RETIRED: no longer signing (published a while longer). */
export type KeyStatus = 'PENDING' | 'ACTIVE' | 'RETIRED';

export function keyStatusAt(key: ScheduledKey, now: Date): KeyStatus {
  if (key.activatesAt.getTime() > now.getTime()) return 'PENDING';
  if (key.retiredAt && key.retiredAt.getTime() <= now.getTime()) return 'RETIRED';
  return 'ACTIVE';
}

/** The key that signs at `now`: the newest (by activatesAt) that has activated and is not retired. */
export function signingKeyAt<T extends ScheduledKey>(keys: readonly T[], now: Date): T | undefined {
  return newestFirst(keys.filter((k) => keyStatusAt(k, now) === 'ACTIVE'))[0];
}

/**
 * Which public keys the JWKS lists at `now`, newest first: keys not active
 * yet (so verifiers have them before they sign), the signing key, and every
 * key retired less than one access-token lifetime plus a margin ago (clock
 * skew and JWKS caching), because tokens it signed just before retiring are
 * still valid.
 */
export function publishedKeys<T extends ScheduledKey>(keys: readonly T[], now: Date, accessTokenTtlSeconds: number, marginSeconds: number): T[] {
  const oldestRetirement = now.getTime() - (accessTokenTtlSeconds + marginSeconds) * 1000;
  return newestFirst(keys.filter((k) => !k.retiredAt || k.retiredAt.getTime() > oldestRetirement));
}

export type RotationDecision<T extends ScheduledKey> =
  | {
      ok: true;
      /** When the new key starts signing. */
      activatesAt: Date;
      /** Keys that stop signing then (their retiredAt becomes activatesAt): the current, unscheduled key. */
      retiring: T[];
    }
  | { ok: false; rule: 'ROTATION_IN_PROGRESS'; pending: T; retryAfterSeconds: number; message: string };

/**
 * Whether a rotation may start at `now`, and its schedule. At most one key is
 * being activated at a time: while one is pending, rotating again is refused
 * (ROTATION_IN_PROGRESS) rather than replacing it, so a rotation, once
 * started, always completes on the schedule it announced. With no key signing
 * at all (first start) the new key activates at once: no token can carry a
 * kid a verifier lacks.
 */
export function decideRotation<T extends ScheduledKey>(keys: readonly T[], now: Date, publishLeadSeconds: number): RotationDecision<T> {
  const pending = newestFirst(keys.filter((k) => keyStatusAt(k, now) === 'PENDING'))[0];
  if (pending) {
    const retryAfterSeconds = Math.max(1, Math.ceil((pending.activatesAt.getTime() - now.getTime()) / 1000));
    return {
      ok: false,
      rule: 'ROTATION_IN_PROGRESS',
      pending,
      retryAfterSeconds,
      message: `A signing key rotation is in progress: the next key starts signing at ${pending.activatesAt.toISOString()}. Rotate again after that.`,
    };
  }
  const retiring = keys.filter((k) => !k.retiredAt);
  const anySigning = signingKeyAt(keys, now) !== undefined;
  return { ok: true, activatesAt: new Date(now.getTime() + (anySigning ? publishLeadSeconds * 1000 : 0)), retiring };
}

function newestFirst<T extends ScheduledKey>(keys: T[]): T[] {
  return keys.sort((a, b) => b.activatesAt.getTime() - a.activatesAt.getTime());
}
