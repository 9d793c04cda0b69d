import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { storeNow } from '@vitrine/platform';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import type { PaymentIntentStatus } from '../../domain/payment-intent-status.js';
import {
  ProviderRejected,
  ProviderUnavailable,
  WebhookSignatureError,
  type CreatePaymentRequest,
  type PaymentProvider,
  type ProviderChargeRecord,
  type ProviderEvent,
  type ProviderPayment,
  type ProviderRefundRecord,
  type ProviderRefundResult,
  type RefundRequest,
  type SavedMethod,
  type SaveMethodRequest,
} from '../payment-provider.js';
import { declineCodes, sandboxTokens, type SandboxCard } from './sandbox-cards.js';
import { readSandboxFaults, webhookDelaySql, type SandboxFaults } from './sandbox-faults.js';
import type { Row } from '../../store/sql.js';

export interface SandboxOptions {
  /** Standard Webhooks secret (`whsec_...`) its events are signed with. */
  webhookSecret: string;
  /** How long a `sandbox_processing` payment stays PROCESSING before it succeeds. */
  processingMs: number;
  /** How many days (store clock) an authorisation can be captured. */
  holdDays: number;
}

const statusOf: Record<string, PaymentIntentStatus> = {
  requires_action: 'REQUIRES_ACTION',
  processing: 'PROCESSING',
  requires_capture: 'REQUIRES_CAPTURE',
  succeeded: 'SUCCEEDED',
  failed: 'FAILED',
  canceled: 'CANCELLED',
};

/** Rolls back a call's work: its key was answered before (or meanwhile). */
class KeySeenBefore extends Error {}

const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString('base64url')}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A payment provider simulated inside payments, with its own tables (the
 * `sandbox_*` ones): it answers at once like a card network would, keeps
 * its own idempotency keys, and reports every outcome through signed
 * Standard Webhooks POSTed to payments' /webhooks/sandbox (see
 * sandbox-webhooks.ts), so that path runs for real. Fault settings make it
 * slow, or fail with 500s for a while, or drop or delay its webhooks.
 */
export class SandboxProvider implements PaymentProvider {
  readonly name = 'sandbox' as const;
  private readonly webhook: Webhook;

  constructor(
    private readonly orm: MikroORM,
    private readonly options: SandboxOptions,
  ) {
    this.webhook = new Webhook(options.webhookSecret);
  }

  /**
   * An EntityManager of the sandbox's own pool. Without disableContextResolution
   * a fork made while a payments transaction runs would join that transaction
   * (MikroORM resolves the context by name), and the "provider" would share
   * payments' connection and locks.
   */
  private fresh(): EntityManager {
    return this.orm.em.fork({ disableContextResolution: true });
  }

  private table(name: string): string {
    return `"${this.orm.config.get('schema')}"."${name}"`;
  }

  private faults: { at: number; value: Promise<SandboxFaults> } | undefined;

  /** After a change of settings in this process: read them again at the next call (other replicas within 200 ms). */
  forgetFaults(): void {
    this.faults = undefined;
  }

  /** Latency first, then the outage: a 500 before anything happened. Settings are re-read at most every 200 ms. */
  private async fault(): Promise<void> {
    if (!this.faults || Date.now() - this.faults.at > 200) this.faults = { at: Date.now(), value: readSandboxFaults(this.fresh()) };
    const faults = await this.faults.value.catch((err) => {
      this.faults = undefined;
      throw err;
    });
    if (faults.latencyMs > 0) await sleep(faults.latencyMs);
    if (faults.failUntil && faults.failUntil.getTime() > Date.now()) {
      throw new ProviderUnavailable('sandbox: 500 Internal Server Error (fault setting)', false, 'api_error');
    }
  }

  /**
   * The sandbox's idempotency layer, like Stripe's: the first response to a
   * key is kept and returned to every retry; a concurrent duplicate waits on
   * the key's row; the same key with other parameters is refused. The work
   * is done first and its response recorded under the key by one insert: a
   * key already there (an earlier call, or a concurrent one, waited for at
   * that insert) rolls the work back and answers what was recorded. So does
   * a refusal by the work itself when the key was answered before: a retry
   * meets the state its first call left (a capture retried after it
   * succeeded), and must get that first answer, not a refusal.
   */
  private async idempotent<T>(key: string, operation: string, params: unknown, run: (em: EntityManager) => Promise<T>): Promise<T> {
    const hash = createHash('sha256')
      .update(JSON.stringify([operation, params]))
      .digest('hex');
    const signature = `${operation}:${hash.slice(0, 16)}`;
    try {
      return await this.fresh().transactional(async (em) => {
        const response = await run(em);
        const recorded = await em.execute<Row[]>(
          `insert into ${this.table('sandbox_request')} (idempotency_key, operation, response, created_at) values (?, ?, ?::jsonb, now())
           on conflict (idempotency_key) do nothing returning idempotency_key`,
          [key, signature, JSON.stringify(response)],
        );
        if (recorded.length === 0) throw new KeySeenBefore();
        return response;
      });
    } catch (err) {
      if (!(err instanceof KeySeenBefore || err instanceof ProviderRejected)) throw err;
      const [earlier] = await this.fresh().execute<Row[]>(`select operation, response from ${this.table('sandbox_request')} where idempotency_key = ?`, [key]);
      // A refusal under a key never answered is the answer (not recorded, as before: a retry may go through).
      if (!earlier) throw err;
      return this.replay<T>(earlier, signature);
    }
  }

  private replay<T>(earlier: Row, signature: string): T {
    if (earlier.operation !== signature) {
      throw new ProviderRejected('Keys for idempotent requests can only be used with the same parameters they were first used with.', 'idempotency_error');
    }
    return revive(earlier.response) as T;
  }

  async createPayment(request: CreatePaymentRequest, idempotencyKey: string): Promise<ProviderPayment> {
    await this.fault();
    return this.idempotent(idempotencyKey, 'create_payment', request, async (em) => {
      const { card, methodId, customerRef } = await this.resolveMethod(em, request.method);
      let status: string;
      let failureCode: string | null = null;
      if (card.behavior === 'REQUIRES_ACTION') {
        // Off-session the bank cannot ask the customer: the charge fails (Stripe: authentication_required).
        status = request.offSession ? 'failed' : 'requires_action';
        if (request.offSession) failureCode = 'authentication_required';
      } else if (card.behavior === 'PROCESSING') {
        status = 'processing';
      } else if (declineCodes[card.behavior]) {
        status = 'failed';
        failureCode = declineCodes[card.behavior]!;
      } else {
        status = request.capture === 'manual' ? 'requires_capture' : 'succeeded';
      }
      let savedMethod: SavedMethod | null = null;
      if (request.saveForCustomer && status !== 'failed') savedMethod = await this.attach(em, card, request.saveForCustomer);
      const id = newId('sbpi');
      const chargeId = status === 'succeeded' ? newId('sbch') : null;
      const [row] = await em.execute<Row[]>(
        `insert into ${this.table('sandbox_payment')} (id, amount, currency, status, capture_method, method_id, customer_ref, failure_code, charge_id, metadata,
           created_at, updated_at, captured_at, settle_at, hold_expires_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, now(), now(), ?, ?, ?)
         returning *`,
        [
          id,
          request.amount,
          request.currency,
          status,
          request.capture,
          methodId,
          customerRef ?? request.saveForCustomer,
          failureCode,
          chargeId,
          JSON.stringify({ intent_id: request.intentId, description: request.description }),
          chargeId ? new Date() : null,
          status === 'processing' ? new Date(Date.now() + this.options.processingMs) : null,
          status === 'requires_capture' ? this.holdEnd() : null,
        ],
      );
      // As stored, and the method as resolved above: no second read.
      const payment = paymentOf(row!, savedMethod ?? methodView(card, methodId, customerRef));
      await this.queuePaymentEvent(em, payment, request.intentId);
      return payment;
    });
  }

  async confirmPayment(providerPaymentId: string, idempotencyKey: string): Promise<ProviderPayment> {
    await this.fault();
    return this.idempotent(idempotencyKey, 'confirm_payment', providerPaymentId, async (em) => {
      const row = await this.lockPayment(em, providerPaymentId);
      if (row.status === 'requires_action') {
        const capture = row.capture_method === 'manual';
        await em.execute(
          `update ${this.table('sandbox_payment')} set status = ?, charge_id = ?, captured_at = ?, hold_expires_at = ?, updated_at = now() where id = ?`,
          capture ? ['requires_capture', null, null, this.holdEnd(), row.id] : ['succeeded', newId('sbch'), new Date(), null, row.id],
        );
        const payment = await this.readPayment(em, row.id);
        await this.queuePaymentEvent(em, payment, row.metadata?.intent_id ?? null);
        return payment;
      }
      return this.readPayment(em, row.id);
    });
  }

  async capturePayment(providerPaymentId: string, amount: number, idempotencyKey: string): Promise<ProviderPayment> {
    await this.fault();
    await this.lapseExpiredHold(providerPaymentId);
    return this.idempotent(idempotencyKey, 'capture_payment', { providerPaymentId, amount }, async (em) => {
      const row = await this.lockPayment(em, providerPaymentId);
      if (row.status === 'canceled' && row.failure_code === 'charge_expired_for_capture')
        throw new ProviderRejected('The authorisation expired before it was captured.', 'charge_expired_for_capture');
      if (row.status !== 'requires_capture')
        throw new ProviderRejected(`This payment is ${row.status}; only an authorised payment can be captured.`, 'payment_intent_unexpected_state');
      if (!Number.isSafeInteger(amount) || amount <= 0 || amount > Number(row.amount))
        throw new ProviderRejected(`A capture takes between 1 and the ${row.amount} authorised.`, 'amount_too_large');
      // What is captured is the charge; the rest of the hold is released.
      await em.execute(
        `update ${this.table('sandbox_payment')} set status = 'succeeded', amount = ?, charge_id = ?, captured_at = now(), hold_expires_at = null, updated_at = now() where id = ?`,
        [amount, newId('sbch'), row.id],
      );
      const payment = await this.readPayment(em, row.id);
      await this.queuePaymentEvent(em, payment, row.metadata?.intent_id ?? null);
      return payment;
    });
  }

  /** As a card network does: a hold past its end is void (committed on its own, whatever the capture then answers). */
  private async lapseExpiredHold(providerPaymentId: string): Promise<void> {
    await this.fresh().transactional(async (em) => {
      const lapsed = await em.execute<Row[]>(
        `update ${this.table('sandbox_payment')} set status = 'canceled', failure_code = 'charge_expired_for_capture', hold_expires_at = null, updated_at = now()
          where id = ? and status = 'requires_capture' and hold_expires_at <= ? returning id, metadata`,
        [providerPaymentId, storeNow()],
      );
      for (const row of lapsed) await this.queuePaymentEvent(em, await this.readPayment(em, row.id), row.metadata?.intent_id ?? null);
    });
  }

  private holdEnd(): Date {
    return new Date(storeNow().getTime() + this.options.holdDays * 86_400_000);
  }

  async cancelPayment(providerPaymentId: string, idempotencyKey: string): Promise<ProviderPayment> {
    await this.fault();
    return this.idempotent(idempotencyKey, 'cancel_payment', providerPaymentId, async (em) => {
      const row = await this.lockPayment(em, providerPaymentId);
      if (row.status === 'succeeded' || row.status === 'processing') {
        throw new ProviderRejected(`This payment is ${row.status} and cannot be cancelled.`, 'payment_intent_unexpected_state');
      }
      if (row.status !== 'canceled') {
        await em.execute(`update ${this.table('sandbox_payment')} set status = 'canceled', updated_at = now() where id = ?`, [row.id]);
        const payment = await this.readPayment(em, row.id);
        await this.queuePaymentEvent(em, payment, row.metadata?.intent_id ?? null);
        return payment;
      }
      return this.readPayment(em, row.id);
    });
  }

  async retrievePayment(providerPaymentId: string): Promise<ProviderPayment> {
    await this.fault();
    const em = this.fresh();
    await this.lockPayment(em, providerPaymentId, false);
    return this.readPayment(em, providerPaymentId);
  }

  async refund(request: RefundRequest, idempotencyKey: string): Promise<ProviderRefundResult> {
    await this.fault();
    return this.idempotent(idempotencyKey, 'refund', request, async (em) => {
      const [payment] = await em.execute<Row[]>(
        `select p.id, p.amount, p.currency, p.method_id, m.behavior from ${this.table('sandbox_payment')} p
           left join ${this.table('sandbox_payment_method')} m on m.id = p.method_id
          where p.charge_id = ? for update of p`,
        [request.chargeId],
      );
      if (!payment) throw new ProviderRejected(`No such charge: ${request.chargeId}`, 'resource_missing');
      const [{ refunded }] = (await em.execute<Row[]>(
        `select coalesce(sum(amount), 0) as refunded from ${this.table('sandbox_refund')} where charge_id = ? and status = 'succeeded'`,
        [request.chargeId],
      )) as [Row];
      if (request.currency !== payment.currency || request.amount <= 0 || Number(refunded) + request.amount > Number(payment.amount)) {
        throw new ProviderRejected(`Refund amount is greater than what is left on charge ${request.chargeId}.`, 'charge_already_refunded');
      }
      const failed = (payment.behavior ?? tokenBehavior(payment.method_id)) === 'REFUND_FAILS';
      const id = newId('sbre');
      await em.execute(
        `insert into ${this.table('sandbox_refund')} (id, charge_id, amount, currency, status, failure_code, metadata, created_at)
         values (?, ?, ?, ?, ?, ?, ?::jsonb, now())`,
        [
          id,
          request.chargeId,
          request.amount,
          request.currency,
          failed ? 'failed' : 'succeeded',
          failed ? 'expired_or_canceled_card' : null,
          JSON.stringify({ refund_id: request.refundId, payout_id: request.payoutId }),
        ],
      );
      const refund: ProviderRefundResult = {
        id,
        status: failed ? 'FAILED' : 'SUCCEEDED',
        chargeId: request.chargeId,
        amount: request.amount,
        currency: request.currency,
        failureCode: failed ? 'expired_or_canceled_card' : null,
      };
      await this.queue(em, failed ? 'refund.failed' : 'refund.succeeded', { refund, payout_id: request.payoutId });
      return refund;
    });
  }

  async createCustomer(customerId: string): Promise<string> {
    await this.fault();
    return `sbcus_${customerId.replaceAll('-', '')}`;
  }

  async saveMethod(request: SaveMethodRequest, idempotencyKey: string): Promise<SavedMethod> {
    await this.fault();
    return this.idempotent(idempotencyKey, 'save_method', request, async (em) => {
      const { card } = await this.resolveMethod(em, { token: request.token });
      return this.attach(em, card, request.providerCustomerId);
    });
  }

  async removeMethod(providerMethodId: string): Promise<void> {
    await this.fault();
    await this.fresh().execute(`update ${this.table('sandbox_payment_method')} set customer_ref = null where id = ?`, [providerMethodId]);
  }

  parseWebhook(rawBody: string, headers: Record<string, string | string[] | undefined>): ProviderEvent {
    const pick = (name: string) => {
      const value = headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    let body: Row;
    try {
      body = this.webhook.verify(rawBody, {
        'webhook-id': pick('webhook-id') ?? '',
        'webhook-timestamp': pick('webhook-timestamp') ?? '',
        'webhook-signature': pick('webhook-signature') ?? '',
      }) as Row;
    } catch (err) {
      if (err instanceof WebhookVerificationError) throw new WebhookSignatureError(err.message);
      throw err;
    }
    const at = typeof body.created === 'string' ? new Date(body.created) : null;
    const data = body.data ?? {};
    if (typeof body.type === 'string' && body.type.startsWith('payment_intent.') && data.payment) {
      return { id: String(body.id), kind: 'payment', type: body.type, payment: revive(data.payment) as ProviderPayment, intentId: data.intent_id ?? null, at };
    }
    if (typeof body.type === 'string' && body.type.startsWith('refund.') && data.refund) {
      return { id: String(body.id), kind: 'refund', type: body.type, refund: data.refund as ProviderRefundResult, payoutId: data.payout_id ?? null, at };
    }
    return { id: String(body.id), kind: 'other', type: String(body.type), at };
  }

  async listCharges(since: Date): Promise<ProviderChargeRecord[]> {
    await this.fault();
    const rows = await this.orm.em
      .fork()
      .execute<Row[]>(`select charge_id, amount, currency, metadata from ${this.table('sandbox_payment')} where charge_id is not null and captured_at >= ?`, [
        since,
      ]);
    return rows.map((r) => ({ chargeId: r.charge_id, amount: Number(r.amount), currency: r.currency, intentId: r.metadata?.intent_id ?? null }));
  }

  async listRefunds(since: Date): Promise<ProviderRefundRecord[]> {
    await this.fault();
    const rows = await this.orm.em
      .fork()
      .execute<Row[]>(`select id, charge_id, amount, currency from ${this.table('sandbox_refund')} where status = 'succeeded' and created_at >= ?`, [since]);
    return rows.map((r) => ({ refundId: r.id, chargeId: r.charge_id, amount: Number(r.amount), currency: r.currency }));
  }

  /**
   * Slow payments whose time has come succeed (their webhook follows); run by the webhook deliverer's loop,
   * in its round's transaction when it passes one (one commit per round instead of two).
   */
  async settleProcessing(within?: EntityManager): Promise<number> {
    const settle = async (em: EntityManager) => {
      const rows = await em.execute<Row[]>(
        `update ${this.table('sandbox_payment')} p set status = case when capture_method = 'manual' then 'requires_capture' else 'succeeded' end,
                charge_id = case when capture_method = 'manual' then null else 'sbch_' || md5(random()::text) end,
                captured_at = case when capture_method = 'manual' then null else now() end, settle_at = null, updated_at = now()
          where id in (select id from ${this.table('sandbox_payment')} where status = 'processing' and settle_at <= now() for update skip locked)
          returning id, metadata`,
      );
      for (const row of rows) await this.queuePaymentEvent(em, await this.readPayment(em, row.id), row.metadata?.intent_id ?? null);
      return rows.length;
    };
    return within ? settle(within) : this.fresh().transactional(settle);
  }

  /** What a token or stored sandbox method charges as. */
  private async resolveMethod(
    em: EntityManager,
    method: CreatePaymentRequest['method'],
  ): Promise<{ card: SandboxCard; methodId: string; customerRef: string | null }> {
    const id = 'token' in method ? method.token : method.providerMethodId;
    const token = sandboxTokens[id];
    if (token) return { card: token, methodId: id, customerRef: null };
    const [row] = await em.execute<Row[]>(`select * from ${this.table('sandbox_payment_method')} where id = ?`, [id]);
    if (!row) throw new ProviderRejected(`No such payment method: '${id.slice(0, 64)}'`, 'resource_missing');
    if (!('token' in method) && row.customer_ref !== method.providerCustomerId) {
      throw new ProviderRejected('This payment method is not attached to this customer.', 'payment_method_not_attached');
    }
    return {
      card: { behavior: row.behavior, brand: row.brand, last4: row.last4, expMonth: row.exp_month, expYear: row.exp_year },
      methodId: row.id,
      customerRef: row.customer_ref,
    };
  }

  /**
   * A card typed on the hosted page becomes a sandbox method (brand, last
   * four, expiry; never the number). Under the form's key: the same form
   * sent twice gives the same token, so the payment's key matches too.
   */
  async tokenizeCard(card: SandboxCard, idempotencyKey: string): Promise<string> {
    await this.fault();
    return this.idempotent(`tokenize:${idempotencyKey}`, 'tokenize', card, async (em) => {
      const id = newId('sbpm');
      await em.execute(
        `insert into ${this.table('sandbox_payment_method')} (id, customer_ref, brand, last4, exp_month, exp_year, behavior, created_at) values (?, null, ?, ?, ?, ?, ?, now())`,
        [id, card.brand, card.last4, card.expMonth, card.expYear, card.behavior],
      );
      return id;
    });
  }

  private async attach(em: EntityManager, card: SandboxCard, customerRef: string): Promise<SavedMethod> {
    const id = newId('sbpm');
    await em.execute(
      `insert into ${this.table('sandbox_payment_method')} (id, customer_ref, brand, last4, exp_month, exp_year, behavior, created_at) values (?, ?, ?, ?, ?, ?, ?, now())`,
      [id, customerRef, card.brand, card.last4, card.expMonth, card.expYear, card.behavior],
    );
    return methodView(card, id, customerRef);
  }

  private async lockPayment(em: EntityManager, id: string, lock = true): Promise<Row> {
    const [row] = await em.execute<Row[]>(`select * from ${this.table('sandbox_payment')} where id = ? ${lock ? 'for update' : ''}`, [id]);
    if (!row) throw new ProviderRejected(`No such payment: '${id.slice(0, 64)}'`, 'resource_missing');
    return row;
  }

  private async readPayment(em: EntityManager, id: string, method?: SavedMethod): Promise<ProviderPayment> {
    const [row] = await em.execute<Row[]>(
      `select p.*, m.brand, m.last4, m.exp_month, m.exp_year, m.customer_ref as method_customer from ${this.table('sandbox_payment')} p
         left join ${this.table('sandbox_payment_method')} m on m.id = p.method_id where p.id = ?`,
      [id],
    );
    if (!row) throw new ProviderRejected(`No such payment: '${id}'`, 'resource_missing');
    return paymentOf(row, method);
  }

  private async queuePaymentEvent(em: EntityManager, payment: ProviderPayment, intentId: string | null): Promise<void> {
    const type = {
      SUCCEEDED: 'payment_intent.succeeded',
      FAILED: 'payment_intent.payment_failed',
      PROCESSING: 'payment_intent.processing',
      REQUIRES_ACTION: 'payment_intent.requires_action',
      REQUIRES_CAPTURE: 'payment_intent.amount_capturable_updated',
      CANCELLED: 'payment_intent.canceled',
      REQUIRES_PAYMENT_METHOD: 'payment_intent.created',
    }[payment.status];
    await this.queue(em, type, { payment, intent_id: intentId }, payment.at ?? new Date());
  }

  /** Queues a webhook event in the same transaction as the change it reports (delivered by sandbox-webhooks.ts). */
  private async queue(em: EntityManager, type: string, data: Record<string, unknown>, created = new Date()): Promise<void> {
    const id = newId('evt');
    // clock_timestamp(): the clock the deliverer compares with.
    await em.execute(
      `insert into ${this.table('sandbox_webhook')} (id, type, payload, created_at, deliver_after, attempts, dropped)
       values (?, ?, ?::jsonb, ?, clock_timestamp() + ${webhookDelaySql(em)}, 0, false)`,
      [id, type, JSON.stringify({ id, type, created: created.toISOString(), data }), new Date()],
    );
  }
}

/** A stored payment as the provider answers it; its method from the row's own join unless given. */
function paymentOf(row: Row, method?: SavedMethod): ProviderPayment {
  const token = sandboxTokens[row.method_id];
  const view =
    method ??
    (token
      ? methodView(token, row.method_id, null)
      : row.brand
        ? {
            providerMethodId: row.method_id,
            providerCustomerId: row.method_customer,
            brand: row.brand,
            last4: row.last4,
            expMonth: row.exp_month,
            expYear: row.exp_year,
          }
        : null);
  return {
    id: row.id,
    status: statusOf[row.status] ?? 'FAILED',
    chargeId: row.charge_id,
    amount: Number(row.amount),
    currency: row.currency,
    failureCode: row.failure_code,
    nextActionUrl: null,
    method: view,
    at: new Date(row.updated_at),
  };
}

function methodView(card: SandboxCard, methodId: string, customerRef: string | null): SavedMethod {
  return { providerMethodId: methodId, providerCustomerId: customerRef, brand: card.brand, last4: card.last4, expMonth: card.expMonth, expYear: card.expYear };
}

function tokenBehavior(methodId: string): string | undefined {
  return sandboxTokens[methodId]?.behavior;
}

/** JSON turns dates into strings: the `at` of a stored payment comes back as a Date. */
function revive(value: unknown): unknown {
  if (value && typeof value === 'object' && 'status' in value && 'at' in value) {
    const v = value as { at: string | null };
    return { ...value, at: v.at ? new Date(v.at) : null };
  }
  return value;
}
