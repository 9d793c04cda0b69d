import type { EntityManager } from '@mikro-orm/postgresql';
import { idempotencyRetentionMs } from '../domain/idempotency.js';
import { schemaOf } from '../store/sql.js';

/** An hour past the 24 h a key must be kept: a retry on the dot still replays. */
const keyRetentionMs = idempotencyRetentionMs + 3_600_000;

/** payments' own purge (run with the platform's): expired idempotency keys, old webhook ids, the sandbox's spent records. */
export async function purgePaymentsRows(em: EntityManager): Promise<Record<string, number>> {
  const s = schemaOf(em);
  const purge = async (sql: string, params: unknown[] = []) =>
    Number((await em.execute<{ n: string }[]>(`with gone as (${sql} returning 1) select count(*) as n from gone`, params))[0]?.n ?? 0);
  return {
    idempotencyKeys: await purge(`delete from ${s}.idempotency_key where created_at < ?`, [new Date(Date.now() - keyRetentionMs)]),
    webhookEvents: await purge(`delete from ${s}.webhook_event where received_at < now() - interval '90 days'`),
    sandboxRequests: await purge(`delete from ${s}.sandbox_request where created_at < now() - interval '2 days'`),
    sandboxWebhooks: await purge(`delete from ${s}.sandbox_webhook where delivered_at < now() - interval '7 days'`),
  };
}
