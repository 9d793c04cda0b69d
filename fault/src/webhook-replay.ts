import { createHmac } from 'node:crypto';
import type { Queryable } from './db.js';
import { tally } from './audit.js';

/**
 * The provider's side of "a webhook delivered twice and out of order": every
 * event the sandbox queued since `since` is POSTed once more to payments'
 * /webhooks/sandbox, signed as the provider signs it (Standard Webhooks, the
 * same event id, as a provider's redelivery keeps it). A payment's events go
 * together once it has reached its final state, newest first: with the
 * sandbox's own delivery held back (a delay setting), payments first hears a
 * payment succeeded, then that it was processing, then both again.
 */
export interface WebhookReplay {
  /** Replays what is left, then stops; says what was replayed and how payments answered. */
  finish(): Promise<{ replayed: number; answers: Record<string, number> }>;
}

/** Standard Webhooks: base64 HMAC-SHA256 of `<id>.<unix seconds>.<body>` under the base64 key after `whsec_`. */
function sign(secret: string, id: string, at: Date, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const seconds = Math.floor(at.getTime() / 1000);
  return `v1,${createHmac('sha256', key).update(`${id}.${seconds}.${body}`).digest('base64')}`;
}

export function replayWebhooks(db: Queryable, paymentsUrl: string, secret: string, since: Date, everyMs = 500): WebhookReplay {
  const replayed = new Set<string>();
  const answers: string[] = [];
  let stopped = false;

  const round = async () => {
    const { rows } = await db.query<{ id: string; payload: Record<string, unknown> }>(
      `select w.id, w.payload from payments.sandbox_webhook w
         left join payments.sandbox_payment p on p.id = w.payload->'data'->'payment'->>'id'
        where w.created_at >= $1 and not (w.id = any($2::text[])) and (p.id is null or p.status in ('succeeded', 'failed', 'canceled'))
        order by w.created_at desc, w.id desc`,
      [since, [...replayed]],
    );
    for (const event of rows) {
      const body = JSON.stringify(event.payload);
      const at = new Date();
      try {
        const res = await fetch(`${paymentsUrl}/webhooks/sandbox`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'webhook-id': event.id,
            'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
            'webhook-signature': sign(secret, event.id, at, body),
          },
          body,
          signal: AbortSignal.timeout(10_000),
        });
        const answer = (await res.json().catch(() => ({}))) as { outcome?: string };
        answers.push(`HTTP ${res.status} ${answer.outcome ?? ''}`.trim());
      } catch (err) {
        answers.push(`no answer (${(err as Error).name})`);
      }
      replayed.add(event.id);
    }
  };

  const running = (async () => {
    while (!stopped) {
      // The database restarting or payments busy is the fault's business: the next round tries again.
      await round().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();

  return {
    async finish() {
      stopped = true;
      await running;
      await round();
      return { replayed: replayed.size, answers: tally(answers) };
    },
  };
}
