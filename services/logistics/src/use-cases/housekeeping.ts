import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * logistics' own purge (run with the platform's): carrier webhook ids past
 * any carrier's retry window (days), so the dedupe table does not grow forever.
 */
export async function purgeLogisticsRows(em: EntityManager): Promise<Record<string, number>> {
  const table = `"${em.config.get('schema') ?? 'logistics'}".carrier_webhook_event`;
  const [row] = await em.execute<{ n: string }[]>(
    `with gone as (delete from ${table} where received_at < now() - interval '90 days' returning 1) select count(*) as n from gone`,
  );
  return { carrierWebhookEvents: Number(row?.n ?? 0) };
}
