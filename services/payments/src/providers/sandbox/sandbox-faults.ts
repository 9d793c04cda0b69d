import type { EntityManager } from '@mikro-orm/postgresql';
import type { Row } from '../../store/sql.js';

/** How the sandbox misbehaves, for fault tests: one row shared by every replica. */
export interface SandboxFaults {
  /** Added before every answer. */
  latencyMs: number;
  /** Until then every call fails with a 500 (nothing happens at the provider). */
  failUntil: Date | null;
  /** Until then webhook events are dropped instead of delivered (missed webhooks). */
  dropWebhooksUntil: Date | null;
  /** Each webhook event waits this long before its first delivery. */
  webhookDelayMs: number;
}

const noFaults: SandboxFaults = { latencyMs: 0, failUntil: null, dropWebhooksUntil: null, webhookDelayMs: 0 };

const table = (em: EntityManager) => `"${em.config.get('schema')}".sandbox_setting`;

export async function readSandboxFaults(em: EntityManager): Promise<SandboxFaults> {
  const [row] = await em.execute<Row[]>(`select latency_ms, fail_until, drop_webhooks_until, webhook_delay_ms from ${table(em)} where id = 1`);
  if (!row) return noFaults;
  return {
    latencyMs: row.latency_ms,
    failUntil: row.fail_until ? new Date(row.fail_until) : null,
    dropWebhooksUntil: row.drop_webhooks_until ? new Date(row.drop_webhooks_until) : null,
    webhookDelayMs: row.webhook_delay_ms,
  };
}

/**
 * The webhook delay setting as an SQL interval expression, for a statement that queues an event to read it itself
 * (one statement per event, not a read and an insert).
 */
export function webhookDelaySql(em: EntityManager): string {
  return `make_interval(secs => coalesce((select webhook_delay_ms from ${table(em)} where id = 1), 0) / 1000.0)`;
}

/** Replaces the fault settings (all of them: a field left out goes back to normal). */
export async function writeSandboxFaults(em: EntityManager, faults: SandboxFaults): Promise<SandboxFaults> {
  await em.execute(
    `insert into ${table(em)} (id, latency_ms, fail_until, drop_webhooks_until, webhook_delay_ms, updated_at) values (1, ?, ?, ?, ?, now())
     on conflict (id) do update set latency_ms = excluded.latency_ms, fail_until = excluded.fail_until,
       drop_webhooks_until = excluded.drop_webhooks_until, webhook_delay_ms = excluded.webhook_delay_ms, updated_at = now()`,
    [faults.latencyMs, faults.failUntil, faults.dropWebhooksUntil, faults.webhookDelayMs],
  );
  return faults;
}
