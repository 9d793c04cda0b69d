import type { EntityManager } from '@mikro-orm/postgresql';
import { sandboxClockAdvancedV1 } from '@vitrine/contracts';
import type { PlatformMigration } from '../db/platform-migrations/platform-migration.js';
import { PolicyViolation } from '../errors/domain-error.js';
import { on } from '../inbox/event-handler.js';
import type { ServiceIdentity } from '../service/service-identity.js';
import { adoptSandboxOffset, sandboxOffset, type SandboxOffset } from './store-clock.js';

export const sandboxClockTable = 'sandbox_clock';

/** Each service keeps the last move it heard of, so a restart (or another replica) runs on the same offset. */
export const sandboxClockMigration: PlatformMigration = {
  name: 'platform/0004-sandbox-clock',
  up: (s) => [
    `create table if not exists "${s}"."${sandboxClockTable}" ("id" smallint primary key default 1 check ("id" = 1), "offset_ms" bigint not null, "sequence" int not null, "moved_at" timestamptz not null default now())`,
  ],
};

async function storeOffset(em: EntityManager, offset: SandboxOffset): Promise<void> {
  await em.execute(
    `insert into "${schemaOf(em)}".${sandboxClockTable} (id, offset_ms, sequence) values (1, ?, ?)
     on conflict (id) do update set offset_ms = excluded.offset_ms, sequence = excluded.sequence, moved_at = now()
     where sandbox_clock.sequence < excluded.sequence`,
    [offset.offsetMs, offset.sequence],
  );
}

/** Reads the service's stored offset into the process clock (at start, and on every timer round for other replicas' moves). */
export async function refreshSandboxClock(em: EntityManager): Promise<void> {
  const rows = await em.execute<{ offset_ms: string; sequence: number }[]>(`select offset_ms, sequence from "${schemaOf(em)}".${sandboxClockTable}`);
  const row = rows[0];
  if (row) adoptSandboxOffset({ offsetMs: Number(row.offset_ms), sequence: row.sequence });
}

/** Every service follows the store's sandbox clock (not registered in production). */
export const sandboxClockHandler = on(sandboxClockAdvancedV1, async (event, em) => {
  await storeOffset(em, event.data);
  adoptSandboxOffset(event.data);
});

export interface ClockMove {
  /** How far forward, in milliseconds (the clock never goes back: timers already fired stay fired). */
  byMs: number;
  actor: string | null;
  production: boolean;
}

/**
 * Moves the store's sandbox clock forward and announces it; refused in
 * production. Runs in the caller's transaction: the caller adopts the
 * returned offset once it commits (every service, this one included, also
 * hears the event).
 */
export async function advanceSandboxClock(em: EntityManager, identity: ServiceIdentity, move: ClockMove): Promise<SandboxOffset> {
  if (move.production) throw new PolicyViolation('The sandbox clock is not available in production.', 'SANDBOX_ONLY');
  if (!Number.isInteger(move.byMs) || move.byMs <= 0) throw new PolicyViolation('The sandbox clock only moves forward.', 'CLOCK_MOVES_FORWARD');
  await refreshSandboxClock(em);
  const current = sandboxOffset();
  const next = { offsetMs: current.offsetMs + move.byMs, sequence: current.sequence + 1 };
  await storeOffset(em, next);
  identity.recordEvent(em, { definition: sandboxClockAdvancedV1, subject: 'sandbox-clock', data: { ...next, movedBy: move.actor } });
  return next;
}

function schemaOf(em: EntityManager): string {
  return em.config.get('schema') ?? 'public';
}
