import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInput, DomainError, type ErrorCode } from '@vitrine/platform';
import {
  decideIdempotency,
  idempotencyConflict,
  idempotencyLeaseMs,
  isValidIdempotencyKey,
  requestFingerprint,
  type IdempotencyRecord,
} from '../domain/idempotency.js';
import { schemaOf, toDate } from '../store/sql.js';

export interface IdempotentRequest {
  /** Whose key it is: the customer or staff member calling. */
  scope: string;
  key: string;
  operation: string;
  params: unknown;
  /** Parameter names whose lists are sets (order does not matter). */
  unordered?: string[];
  /**
   * The id of what this run will create, chosen before it starts: recorded with the key's claim (no later write, as
   * `remember` would be). A take-over is given it as `resumeId`, and must expect it missing: the run it takes over
   * may have died before creating it.
   */
  resourceId?: string;
}

export interface IdempotentRun {
  /** What an earlier run of this key created (it died before answering): resume it instead of starting over. */
  resumeId: string | null;
  /** Records what this run creates, in the caller's transaction, so a take-over can resume it. */
  remember(em: EntityManager, resourceId: string): Promise<void>;
}

/** This run may go ahead (resuming what an earlier one created), or may not: wait for the first, or replay its answer. */
type Claim = { run: true; resumeId: string | null; lease: Date } | { run: false; wait: boolean; stored?: Stored };
type Stored = { ok: unknown } | { error: { code: ErrorCode; message: string; details: Record<string, unknown> } };
type Row = { fingerprint: string; created_at: unknown; locked_until: unknown; completed_at: unknown; response: Stored | null; resource_id: string | null };

const pollMs = 25;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function checkIdempotencyKey(key: string): void {
  if (!isValidIdempotencyKey(key)) {
    throw new BadUserInput('The idempotency key must be 8-200 letters, digits or . _ : - characters (a UUID is ideal).', [
      { field: 'idempotencyKey', reason: 'INVALID_IDEMPOTENCY_KEY', message: 'Use a fresh UUID per payment attempt, and the same one when retrying it.' },
    ]);
  }
}

const replay = (stored: Stored): unknown => {
  if ('ok' in stored) return stored.ok;
  throw new DomainError(stored.error.code, stored.error.message, stored.error.details);
};

/**
 * Runs a money mutation once per (caller, key), with Stripe's semantics:
 * the first response, success or coded error, is stored and replayed to
 * every retry for 24 h; the same key with other parameters is a CONFLICT;
 * a concurrent duplicate waits for the first run and gets its answer; a run
 * that died holding the key (its lease over) is taken over and resumes what
 * it had created. Unexpected errors (bugs, a database gone) are not stored:
 * the key is released for an immediate retry.
 */
export async function runIdempotently<R>(em: EntityManager, request: IdempotentRequest, run: (ctx: IdempotentRun) => Promise<R>): Promise<R> {
  checkIdempotencyKey(request.key);
  const fingerprint = requestFingerprint(request.operation, request.params, request.unordered ?? []);
  const table = `${schemaOf(em)}.idempotency_key`;
  const where = 'scope = ? and key = ?';
  const id = [request.scope, request.key];
  const resourceId = request.resourceId ?? null;

  const insertKey = (tx: EntityManager, now: Date, lease: Date) =>
    tx.execute<unknown[]>(
      `insert into ${table} (scope, key, operation, fingerprint, locked_until, created_at, resource_id) values (?, ?, ?, ?, ?, ?, ?)
       on conflict (scope, key) do nothing returning key`,
      [...id, request.operation, fingerprint, lease, now, resourceId],
    );
  const claim = async (): Promise<Claim> => {
    // A fresh key, nearly always: the insert alone, a transaction of its own (two round trips fewer than begin ... commit).
    const now = new Date();
    const lease = new Date(now.getTime() + idempotencyLeaseMs);
    if ((await insertKey(em.fork(), now, lease)).length > 0) return { run: true, resumeId: null, lease };
    return claimSeenKey();
  };
  // A key seen before: read under a lock and decided (it may also have been purged since the insert above: then inserted).
  const claimSeenKey = (): Promise<Claim> =>
    em.fork().transactional(async (tx) => {
      const now = new Date();
      const lease = new Date(now.getTime() + idempotencyLeaseMs);
      const inserted = await insertKey(tx, now, lease);
      if (inserted.length > 0) return { run: true, resumeId: null, lease };
      const [row] = await tx.execute<Row[]>(`select * from ${table} where ${where} for update`, id);
      const decision = decideIdempotency<Stored>(record(row!), fingerprint, now);
      switch (decision.kind) {
        case 'conflict':
          throw decision.error;
        case 'replay':
          return { run: false, wait: false, stored: decision.response };
        case 'in-progress':
          return { run: false, wait: true };
        case 'proceed':
          // Kept longer than the retention: the same key is a new request now.
          await tx.execute(
            `update ${table} set operation = ?, fingerprint = ?, locked_until = ?, created_at = ?, completed_at = null, response = null, resource_id = ? where ${where}`,
            [request.operation, fingerprint, lease, now, resourceId, ...id],
          );
          return { run: true, resumeId: null, lease };
        case 'take-over':
          await tx.execute(`update ${table} set locked_until = ? where ${where}`, [lease, ...id]);
          return { run: true, resumeId: row!.resource_id, lease };
      }
    });

  // A duplicate of a running request polls (without locks) until the first answers or its lease runs out.
  const waitForFirst = async (): Promise<Stored | null> => {
    for (;;) {
      await sleep(pollMs);
      const [row] = await em.fork().execute<Row[]>(`select * from ${table} where ${where}`, id);
      if (!row) return null;
      if (row.fingerprint !== fingerprint) throw idempotencyConflict();
      if (row.completed_at) return row.response;
      if (toDate(row.locked_until)!.getTime() <= Date.now()) return null;
    }
  };

  for (;;) {
    const claimed = await claim();
    if (!claimed.run) {
      if (claimed.stored) return replay(claimed.stored) as R;
      const stored = await waitForFirst();
      if (stored) return replay(stored) as R;
      continue;
    }
    const store = async (response: Stored) => {
      await em
        .fork()
        .execute(`update ${table} set response = ?::jsonb, completed_at = now() where ${where} and fingerprint = ?`, [
          JSON.stringify(response),
          ...id,
          fingerprint,
        ]);
    };
    try {
      const result = await run({
        resumeId: claimed.resumeId,
        remember: (tx, resourceId) => tx.execute(`update ${table} set resource_id = ? where ${where}`, [resourceId, ...id]).then(() => undefined),
      });
      await store({ ok: result });
      return result;
    } catch (err) {
      if (err instanceof DomainError) {
        await store({ error: { code: err.code, message: err.message, details: err.details } });
        throw err;
      }
      releaseKey(em, table, `${where} and locked_until = ?`, [...id, claimed.lease]);
      throw err;
    }
  }
}

/**
 * Frees the key of a run that failed unexpectedly, so a retry need not wait
 * out the lease. The failure is often the database going away (a restart):
 * then the release fails too, and is tried again for a while in the
 * background (a retry meanwhile waits for the lease, as it would anyway).
 */
function releaseKey(em: EntityManager, table: string, heldLock: string, params: unknown[], attempt = 0): void {
  // Only the lock this run took (`heldLock` names its lease): a run that took the key over since keeps its own.
  em.fork()
    .execute(`update ${table} set locked_until = now() where ${heldLock} and completed_at is null`, params)
    .catch(() => {
      if (attempt < releaseRetries) setTimeout(() => releaseKey(em, table, heldLock, params, attempt + 1), 500 * 2 ** attempt).unref();
    });
}
const releaseRetries = 6;

function record(row: Row): IdempotencyRecord<Stored> {
  return {
    fingerprint: row.fingerprint,
    createdAt: toDate(row.created_at)!,
    lockedUntil: toDate(row.locked_until)!,
    completedAt: toDate(row.completed_at),
    response: row.response,
  };
}
