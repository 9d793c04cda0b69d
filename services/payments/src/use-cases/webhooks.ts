import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { isUuid } from '@vitrine/platform';
import { runtimeOf } from '../config/payments-runtime.js';
import { WebhookSignatureError, type ProviderName } from '../providers/payment-provider.js';
import { settledIntentIgnores, type IntentSnapshot, type PaymentIntentStatus } from '../domain/payment-intent-status.js';
import { schemaOf, toDate } from '../store/sql.js';
import { applyPaymentUpdate } from './intent-updates.js';
import { applyRefundWebhook } from './refund-payouts.js';

export type WebhookResult = { status: 200; outcome: string } | { status: 400; error: string } | { status: 404; error: string };

/**
 * A provider webhook: the signature checked first (a bad one is refused with
 * nothing changed), then applied once per provider event id (a redelivery
 * or a replay is acknowledged and changes nothing), out-of-order arrivals
 * sorted by `applyProviderUpdate`. The event id, the effect and the
 * outcome commit together. An event that cannot change its intent (a paid
 * one: every payment's own webhook once the call's answer booked it) is
 * recorded with its outcome at once, without a transaction or locks.
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
  const s = schemaOf(orm.em);
  const eventId = event.id.slice(0, 255);
  const eventType = event.type.slice(0, 80);
  const record = (em: EntityManager, outcome: string) =>
    em.execute<unknown[]>(
      `insert into ${s}.webhook_event (provider, event_id, type, outcome, received_at) values (?, ?, ?, ?, now()) on conflict do nothing returning event_id`,
      [provider, eventId, eventType, outcome],
    );
  // Read without locks, as before: the id to lock, and now whether there is anything to do at all.
  const intent = event.kind === 'payment' ? await findIntent(orm.em.fork(), provider, event.payment.id, event.intentId) : undefined;
  const ignored =
    intent && event.kind === 'payment' ? settledIntentIgnores(snapshotOf(intent), { status: event.payment.status, at: event.at ?? event.payment.at }) : null;
  if (ignored) {
    // A paid intent told again (every payment's own webhook, after the call's answer booked it): nothing to apply,
    // so no transaction and no locks; the event is still recorded once (a redelivery of it stays REDELIVERED).
    return { status: 200, outcome: (await record(orm.em.fork(), ignored)).length > 0 ? ignored : 'REDELIVERED' };
  }
  const outcome = await orm.em.fork().transactional(async (em) => {
    if ((await record(em, 'RECEIVED')).length === 0) return 'REDELIVERED';
    let result: string = 'IGNORED';
    if (event.kind === 'payment') {
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
    await em.execute(`update ${s}.webhook_event set outcome = ? where provider = ? and event_id = ?`, [result.slice(0, 16), provider, eventId]);
    return result;
  });
  return { status: 200, outcome };
}

interface IntentRow {
  id: string;
  status: PaymentIntentStatus;
  status_at: unknown;
  provider_payment_id: string | null;
  in_flight_until: unknown;
}

/**
 * The intent a payment event is about: by the provider's payment id, else by our intent id before the provider's
 * id was recorded. Two index lookups: an `or` across both made PostgreSQL read every intent for each webhook.
 */
async function findIntent(em: EntityManager, provider: ProviderName, paymentId: string, intentId: string | null | undefined): Promise<IntentRow | undefined> {
  const s = schemaOf(em);
  const columns = 'id, status, status_at, provider_payment_id, in_flight_until';
  const [intent] = await em.execute<IntentRow[]>(
    `select ${columns} from ${s}.payment_intent where provider = ? and provider_payment_id = ?
     union all
     select ${columns} from ${s}.payment_intent where id = ? and provider = ? and provider_payment_id is null
     limit 1`,
    [provider, paymentId, intentId && isUuid(intentId) ? intentId : null, provider],
  );
  return intent;
}

function snapshotOf(intent: IntentRow): IntentSnapshot {
  return { status: intent.status, at: toDate(intent.status_at), providerPaymentId: intent.provider_payment_id, inFlight: intent.in_flight_until !== null };
}
