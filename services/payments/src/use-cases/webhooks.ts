import type { MikroORM } from '@mikro-orm/postgresql';
import { isUuid } from '@vitrine/platform';
import { runtimeOf } from '../config/payments-runtime.js';
import { WebhookSignatureError, type ProviderName } from '../providers/payment-provider.js';
import { schemaOf } from '../store/sql.js';
import { applyPaymentUpdate } from './intent-updates.js';
import { applyRefundWebhook } from './refund-payouts.js';

export type WebhookResult = { status: 200; outcome: string } | { status: 400; error: string } | { status: 404; error: string };

/**
 * A provider webhook: the signature checked first (a bad one is refused with
 * nothing changed), then applied once per provider event id (a redelivery
 * or a replay is acknowledged and changes nothing), out-of-order arrivals
 * sorted by `applyProviderUpdate`. The event id, the effect and the
 * outcome commit together.
 */
export async function receiveWebhook(
  orm: MikroORM,
  provider: ProviderName,
  rawBody: string,
  headers: Record<string, string | string[] | undefined>,
): Promise<WebhookResult> {
  const runtime = runtimeOf(orm);
  if (runtime.provider.name !== provider) return { status: 404, error: `${provider} is not the payment provider in use` };
  let event;
  try {
    event = runtime.provider.parseWebhook(rawBody, headers);
  } catch (err) {
    if (err instanceof WebhookSignatureError || err instanceof SyntaxError) {
      runtime.logger.warn({ provider, err: err.message }, 'payments: webhook refused (signature)');
      return { status: 400, error: 'invalid signature' };
    }
    throw err;
  }
  const outcome = await orm.em.fork().transactional(async (em) => {
    const s = schemaOf(em);
    const fresh = await em.execute<unknown[]>(
      `insert into ${s}.webhook_event (provider, event_id, type, outcome, received_at) values (?, ?, ?, 'RECEIVED', now()) on conflict do nothing returning event_id`,
      [provider, event.id.slice(0, 255), event.type.slice(0, 80)],
    );
    if (fresh.length === 0) return 'REDELIVERED';
    let result: string = 'IGNORED';
    if (event.kind === 'payment') {
      // Two index lookups (the provider's payment id, else our intent id before the provider's id was recorded): an `or`
      // across both made PostgreSQL read every intent for each webhook.
      const [intent] = await em.execute<{ id: string }[]>(
        `select id from ${s}.payment_intent where provider = ? and provider_payment_id = ?
         union all
         select id from ${s}.payment_intent where id = ? and provider = ? and provider_payment_id is null
         limit 1`,
        [provider, event.payment.id, event.intentId && isUuid(event.intentId) ? event.intentId : null, provider],
      );
      if (intent)
        result = await applyPaymentUpdate(
          em,
          intent.id,
          { ...event.payment, at: event.at ?? event.payment.at },
          { recheckAfterMs: runtime.settings.PAYMENTS_RECHECK_AFTER_MS },
        );
      else runtime.logger.warn({ provider, eventId: event.id, payment: event.payment.id }, 'payments: webhook for a payment we do not know');
    } else if (event.kind === 'refund') {
      result = await applyRefundWebhook(em, event.refund, event.payoutId);
    }
    await em.execute(`update ${s}.webhook_event set outcome = ? where provider = ? and event_id = ?`, [result.slice(0, 16), provider, event.id.slice(0, 255)]);
    return result;
  });
  return { status: 200, outcome };
}
