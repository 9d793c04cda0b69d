import { defineEntity, p } from '@mikro-orm/core';

/**
 * A money mutation's idempotency key, scoped to the caller (customer or
 * staff member). Holds the first response, success or error, replayed to
 * every retry for 24 h (purged by housekeeping after that).
 */
export const IdempotencyKeySchema = defineEntity({
  name: 'IdempotencyKey',
  tableName: 'idempotency_key',
  properties: {
    scope: p.uuid().primary(),
    key: p.string().length(200).primary(),
    operation: p.string().length(40),
    fingerprint: p.string().length(64),
    /** Until when the running first request holds the key (a retry after it takes over). */
    lockedUntil: p.datetime(),
    /** What the first request created (an intent, a refund), so a take-over resumes it. */
    resourceId: p.uuid().nullable(),
    response: p.json<Record<string, unknown>>().nullable(),
    createdAt: p.datetime().index(),
    completedAt: p.datetime().nullable(),
  },
});

export class IdempotencyKey extends IdempotencyKeySchema.class {}
IdempotencyKeySchema.setClass(IdempotencyKey);
