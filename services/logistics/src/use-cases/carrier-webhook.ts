import type { MikroORM } from '@mikro-orm/postgresql';
import { DomainError } from '@vitrine/platform';
import { readCarrierReport } from '../domain/carrier-report.js';
import { verifyCarrierWebhook } from '../domain/carrier-signature.js';
import type { LogisticsRuntime } from '../config/logistics-runtime.js';
import { Shipment } from '../store/shipment.entity.js';
import { applyCarrierStep } from './carrier-step.js';

export type CarrierWebhookResult = { status: 200 } | { status: 400 | 503; error: string };

type Headers = Record<string, string | string[] | undefined>;

/**
 * A carrier's tracking webhook: the signature (with that carrier's secret,
 * over the raw body, sent within the tolerance) checked first, so a forged,
 * tampered or replayed delivery is refused with nothing written; then
 * applied once per carrier event id (a redelivery is acknowledged and
 * changes nothing). The answer is the same whatever the parcel: a tracking
 * number no parcel of this carrier has, a step we do not track or a late
 * one all say "received", so the endpoint tells nobody what exists. The
 * event id, the step and its outcome commit together.
 */
export async function receiveCarrierWebhook(
  orm: MikroORM,
  runtime: LogisticsRuntime,
  carrier: string,
  rawBody: string,
  headers: Headers,
): Promise<CarrierWebhookResult> {
  const { settings, logger } = runtime;
  const secret = settings.carrierWebhookSecrets.get(carrier);
  const pick = (name: string) => [headers[name]].flat()[0] ?? '';
  const delivery = { id: pick('webhook-id'), timestamp: pick('webhook-timestamp'), signature: pick('webhook-signature') };
  // An unknown carrier is refused like a bad signature: which carriers are configured is nobody's business.
  const check = secret
    ? verifyCarrierWebhook(secret, delivery, rawBody, Date.now(), settings.carrierWebhookToleranceSeconds)
    : ({ ok: false, reason: 'UNKNOWN_CARRIER' } as const);
  if (!check.ok) {
    logger.warn({ carrier: carrier.slice(0, 40), reason: check.reason }, 'logistics: carrier webhook refused (signature)');
    return { status: 400, error: 'invalid signature' };
  }
  const report = readCarrierReport(rawBody);
  if (!report) {
    logger.warn({ carrier, eventId: delivery.id.slice(0, 255) }, 'logistics: carrier webhook refused (not a tracking step)');
    return { status: 400, error: 'invalid payload' };
  }
  try {
    const outcome = await orm.em.fork().transactional(async (em) => {
      const table = `"${em.config.get('schema') ?? 'logistics'}".carrier_webhook_event`;
      const eventId = delivery.id.slice(0, 255);
      const fresh = await em.execute<unknown[]>(
        `insert into ${table} (carrier, event_id, tracking_number, reported_status, outcome, received_at) values (?, ?, ?, ?, 'RECEIVED', now())
         on conflict do nothing returning event_id`,
        [carrier, eventId, report.trackingNumber, report.reportedStatus],
      );
      if (fresh.length === 0) return 'REDELIVERED';
      const shipment = await em.findOne(Shipment, { carrier, trackingNumber: report.trackingNumber });
      let result: string;
      if (!shipment) result = 'UNKNOWN';
      else if (report.status === null) result = 'IGNORED';
      else result = await applyCarrierStep(em, shipment.id, { status: report.status, occurredAt: report.occurredAt, note: report.note });
      await em.execute(`update ${table} set outcome = ? where carrier = ? and event_id = ?`, [result, carrier, eventId]);
      return result;
    });
    logger.info({ carrier, eventId: delivery.id.slice(0, 255), outcome }, 'logistics: carrier webhook received');
    return { status: 200 };
  } catch (err) {
    // An expected failure (the order's policy not here yet): the carrier retries later; nothing was kept.
    if (err instanceof DomainError) {
      logger.warn({ carrier, eventId: delivery.id.slice(0, 255), err: err.message }, 'logistics: carrier webhook not applied yet');
      return { status: 503, error: 'try again later' };
    }
    throw err;
  }
}
