import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { Webhook } from 'standardwebhooks';
import { PollingLoop } from '@vitrine/platform';
import { readSandboxFaults } from './sandbox-faults.js';
import type { SandboxProvider } from './sandbox-provider.js';

export interface SandboxWebhookDelivererOptions {
  orm: MikroORM;
  provider: SandboxProvider;
  /** payments' own /webhooks/sandbox. */
  url: string;
  secret: string;
  pollMs: number;
  logger: Logger;
}

/** Attempts before an event is given up (a real provider retries for days; the reconciliation covers the rest). */
const maxAttempts = 15;
const backoffMs = (attempts: number) => Math.min(60_000, 500 * 2 ** attempts);

/**
 * The sandbox's webhook sender: what a real provider does from its side.
 * Each queued event is POSTed to payments' webhook route, signed with
 * Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature); a
 * non-2xx answer or no answer is retried with backoff. The same loop makes
 * slow (processing) payments succeed when their time comes.
 */
export function startSandboxWebhooks(options: SandboxWebhookDelivererOptions): { stop(): Promise<void> } {
  const { orm, url, logger } = options;
  const signer = new Webhook(options.secret);
  const table = `"${orm.config.get('schema')}".sandbox_webhook`;

  const deliverOne = async (event: { id: string; payload: Record<string, unknown> }): Promise<number> => {
    const body = JSON.stringify(event.payload);
    const at = new Date();
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': event.id,
          'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
          'webhook-signature': signer.sign(event.id, at, body),
        },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      await res.body?.cancel();
      return res.status;
    } catch {
      return 0;
    }
  };

  const round = async (): Promise<boolean> => {
    return orm.em.fork({ disableContextResolution: true }).transactional(async (em) => {
      const settled = await options.provider.settleProcessing(em);
      // clock_timestamp(), not now(): a payment settled just above queued its event in this very transaction.
      const due = await em.execute<{ id: string; payload: Record<string, unknown>; attempts: number }[]>(
        `select id, payload, attempts from ${table} where delivered_at is null and deliver_after <= clock_timestamp() order by created_at, id limit 20 for update skip locked`,
      );
      if (due.length === 0) return settled > 0;
      // Read once the events are chosen: read before, a round slow to get its connection judged events queued
      // after a later "drop webhooks" by the settings of before (seen under a loaded CI run).
      const faults = await readSandboxFaults(em);
      const dropping = faults.dropWebhooksUntil !== null && faults.dropWebhooksUntil.getTime() > Date.now();
      // Marked together at the end of the round: the round's transaction commits them all at once either way.
      const delivered: { id: string; attempts: number; status: number }[] = [];
      for (const event of due) {
        if (dropping) {
          await em.execute(`update ${table} set delivered_at = now(), dropped = true where id = ?`, [event.id]);
          continue;
        }
        const status = await deliverOne(event);
        const attempts = event.attempts + 1;
        if (status >= 200 && status < 300) {
          delivered.push({ id: event.id, attempts, status });
        } else if (attempts >= maxAttempts) {
          logger.warn({ eventId: event.id, status }, 'sandbox: webhook given up after repeated failures');
          await em.execute(`update ${table} set delivered_at = now(), dropped = true, attempts = ?, last_status = ? where id = ?`, [
            attempts,
            status,
            event.id,
          ]);
        } else {
          await em.execute(`update ${table} set attempts = ?, last_status = ?, deliver_after = now() + make_interval(secs => ?) where id = ?`, [
            attempts,
            status,
            backoffMs(attempts) / 1000,
            event.id,
          ]);
        }
      }
      if (delivered.length > 0) {
        await em.execute(
          `update ${table} t set delivered_at = now(), attempts = d.attempts, last_status = d.status
             from jsonb_to_recordset(?::jsonb) as d(id text, attempts int, status int) where t.id = d.id`,
          [JSON.stringify(delivered)],
        );
      }
      return due.length === 20;
    });
  };

  const loop = new PollingLoop({
    round,
    pollMs: options.pollMs,
    maxBackoffMs: 10_000,
    onFailure: (err, failures) => logger.warn({ err, failures }, 'sandbox: webhook delivery round failed'),
  });
  loop.start();
  return { stop: () => loop.stop() };
}
