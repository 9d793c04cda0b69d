import Stripe from 'stripe';
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

export interface StripeOptions {
  secretKey: string;
  webhookSecret: string;
  /** Another API base (stripe-mock in tests), e.g. http://127.0.0.1:12111; Stripe's own by default. */
  apiUrl?: string;
  timeoutMs: number;
}

/** Stripe's PaymentIntent statuses in ours. A payment method refused by the bank leaves `requires_payment_method` with an error: FAILED. */
export function statusOfIntent(pi: Pick<Stripe.PaymentIntent, 'status' | 'last_payment_error'>): PaymentIntentStatus {
  switch (pi.status) {
    case 'succeeded':
      return 'SUCCEEDED';
    case 'processing':
      return 'PROCESSING';
    case 'requires_action':
      return 'REQUIRES_ACTION';
    case 'requires_capture':
      return 'REQUIRES_CAPTURE';
    case 'canceled':
      return 'CANCELLED';
    case 'requires_payment_method':
      return pi.last_payment_error ? 'FAILED' : 'REQUIRES_PAYMENT_METHOD';
    default:
      return 'REQUIRES_PAYMENT_METHOD';
  }
}

const idOf = (value: string | { id: string } | null | undefined): string | null => (value == null ? null : typeof value === 'string' ? value : value.id);

/** A Stripe PaymentIntent as the port's payment. */
export function paymentFromIntent(pi: Stripe.PaymentIntent, at: Date | null = null): ProviderPayment {
  const error = pi.last_payment_error;
  const status = statusOfIntent(pi);
  const method = typeof pi.payment_method === 'object' && pi.payment_method?.card ? pi.payment_method : null;
  return {
    id: pi.id,
    status,
    chargeId: status === 'SUCCEEDED' ? idOf(pi.latest_charge) : null,
    amount: pi.amount,
    currency: pi.currency.toUpperCase(),
    failureCode: status === 'FAILED' ? (error?.decline_code ?? error?.code ?? null) : null,
    nextActionUrl: pi.next_action?.redirect_to_url?.url ?? null,
    method: method
      ? {
          providerMethodId: method.id,
          providerCustomerId: idOf(method.customer),
          brand: method.card!.brand,
          last4: method.card!.last4,
          expMonth: method.card!.exp_month,
          expYear: method.card!.exp_year,
        }
      : null,
    at,
  };
}

function refundFrom(refund: Stripe.Refund): ProviderRefundResult {
  const status = refund.status === 'succeeded' ? 'SUCCEEDED' : refund.status === 'failed' || refund.status === 'canceled' ? 'FAILED' : 'PENDING';
  return {
    id: refund.id,
    status,
    chargeId: idOf(refund.charge) ?? '',
    amount: refund.amount,
    currency: refund.currency.toUpperCase(),
    failureCode: status === 'FAILED' ? (refund.failure_reason ?? 'refund_failed') : null,
  };
}

/**
 * The Stripe adapter, on the official SDK: PaymentIntents (confirmed on
 * creation; manual capture when asked), SetupIntents to store a card,
 * Refunds against a charge, signed webhooks read with
 * `stripe.webhooks.constructEvent`. Our idempotency key goes to Stripe's
 * Idempotency-Key header; the SDK's own retries reuse it.
 */
export class StripeProvider implements PaymentProvider {
  readonly name = 'stripe' as const;
  private readonly stripe: Stripe;

  constructor(private readonly options: StripeOptions) {
    const api = options.apiUrl ? new URL(options.apiUrl) : undefined;
    this.stripe = new Stripe(options.secretKey, {
      maxNetworkRetries: 2,
      timeout: options.timeoutMs,
      telemetry: false,
      ...(api && { host: api.hostname, port: api.port || (api.protocol === 'http:' ? 80 : 443), protocol: api.protocol === 'http:' ? 'http' : 'https' }),
    });
  }

  async createPayment(request: CreatePaymentRequest, idempotencyKey: string): Promise<ProviderPayment> {
    const stored = 'providerMethodId' in request.method ? request.method : null;
    const params: Stripe.PaymentIntentCreateParams = {
      amount: request.amount,
      currency: request.currency.toLowerCase(),
      payment_method: stored ? stored.providerMethodId : (request.method as { token: string }).token,
      confirm: true,
      capture_method: request.capture === 'manual' ? 'manual' : 'automatic',
      // Cards only, confirmed server-side: no redirect-based methods without a return URL.
      automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
      description: request.description,
      metadata: { intent_id: request.intentId },
      expand: ['payment_method'],
    };
    const customer = stored?.providerCustomerId ?? request.saveForCustomer;
    if (customer) params.customer = customer;
    if (request.offSession) params.off_session = true;
    if (request.saveForCustomer && !request.offSession) params.setup_future_usage = 'off_session';
    return this.call(() => this.stripe.paymentIntents.create(params, { idempotencyKey }).then((pi) => paymentFromIntent(pi)));
  }

  confirmPayment(providerPaymentId: string, idempotencyKey: string): Promise<ProviderPayment> {
    return this.call(() =>
      this.stripe.paymentIntents.confirm(providerPaymentId, { expand: ['payment_method'] }, { idempotencyKey }).then((pi) => paymentFromIntent(pi)),
    );
  }

  capturePayment(providerPaymentId: string, amount: number, idempotencyKey: string): Promise<ProviderPayment> {
    return this.call(() =>
      this.stripe.paymentIntents.capture(providerPaymentId, { amount_to_capture: amount }, { idempotencyKey }).then((pi) => paymentFromIntent(pi)),
    );
  }

  cancelPayment(providerPaymentId: string, idempotencyKey: string): Promise<ProviderPayment> {
    return this.call(() => this.stripe.paymentIntents.cancel(providerPaymentId, {}, { idempotencyKey }).then((pi) => paymentFromIntent(pi)));
  }

  retrievePayment(providerPaymentId: string): Promise<ProviderPayment> {
    return this.call(() => this.stripe.paymentIntents.retrieve(providerPaymentId, { expand: ['payment_method'] }).then((pi) => paymentFromIntent(pi)));
  }

  refund(request: RefundRequest, idempotencyKey: string): Promise<ProviderRefundResult> {
    return this.call(() =>
      this.stripe.refunds
        .create(
          { charge: request.chargeId, amount: request.amount, metadata: { refund_id: request.refundId, payout_id: request.payoutId } },
          { idempotencyKey },
        )
        .then(refundFrom),
    );
  }

  createCustomer(customerId: string, idempotencyKey: string): Promise<string> {
    return this.call(() => this.stripe.customers.create({ metadata: { customer_id: customerId } }, { idempotencyKey }).then((c) => c.id));
  }

  async saveMethod(request: SaveMethodRequest, idempotencyKey: string): Promise<SavedMethod> {
    const setup = await this.call(() =>
      this.stripe.setupIntents.create(
        {
          customer: request.providerCustomerId,
          payment_method: request.token,
          confirm: true,
          usage: 'off_session',
          automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
          expand: ['payment_method'],
        },
        { idempotencyKey },
      ),
    );
    if (setup.status !== 'succeeded') {
      throw new ProviderRejected(
        'The card could not be saved without a confirmation from the bank.',
        setup.last_setup_error?.code ?? 'setup_intent_authentication_failure',
      );
    }
    const method = typeof setup.payment_method === 'object' && setup.payment_method ? setup.payment_method : null;
    const card = method?.card;
    if (!method || !card) throw new ProviderRejected('Only cards can be saved.', 'payment_method_unsupported');
    return {
      providerMethodId: method.id,
      providerCustomerId: request.providerCustomerId,
      brand: card.brand,
      last4: card.last4,
      expMonth: card.exp_month,
      expYear: card.exp_year,
    };
  }

  async removeMethod(providerMethodId: string): Promise<void> {
    await this.call(() => this.stripe.paymentMethods.detach(providerMethodId));
  }

  parseWebhook(rawBody: string, headers: Record<string, string | string[] | undefined>): ProviderEvent {
    const header = headers['stripe-signature'];
    let event: Stripe.Event;
    try {
      event = this.stripe.webhooks.constructEvent(rawBody, Array.isArray(header) ? header[0]! : (header ?? ''), this.options.webhookSecret);
    } catch (err) {
      throw new WebhookSignatureError(err instanceof Error ? err.message : 'bad signature');
    }
    const at = new Date(event.created * 1000);
    if (event.type.startsWith('payment_intent.')) {
      const pi = event.data.object as Stripe.PaymentIntent;
      return { id: event.id, kind: 'payment', type: event.type, payment: paymentFromIntent(pi, at), intentId: pi.metadata?.intent_id ?? null, at };
    }
    if (event.type.startsWith('refund.')) {
      const refund = event.data.object as Stripe.Refund;
      return { id: event.id, kind: 'refund', type: event.type, refund: refundFrom(refund), payoutId: refund.metadata?.payout_id ?? null, at };
    }
    return { id: event.id, kind: 'other', type: event.type, at };
  }

  async listCharges(since: Date): Promise<ProviderChargeRecord[]> {
    const charges: ProviderChargeRecord[] = [];
    await this.call(async () => {
      for await (const c of this.stripe.charges.list({ created: { gte: Math.floor(since.getTime() / 1000) }, limit: 100 })) {
        if (c.status !== 'succeeded' || !c.captured) continue;
        charges.push({ chargeId: c.id, amount: c.amount_captured, currency: c.currency.toUpperCase(), intentId: c.metadata?.intent_id ?? null });
      }
    });
    return charges;
  }

  async listRefunds(since: Date): Promise<ProviderRefundRecord[]> {
    const refunds: ProviderRefundRecord[] = [];
    await this.call(async () => {
      for await (const r of this.stripe.refunds.list({ created: { gte: Math.floor(since.getTime() / 1000) }, limit: 100 })) {
        if (r.status !== 'succeeded') continue;
        refunds.push({ refundId: r.id, chargeId: idOf(r.charge) ?? '', amount: r.amount, currency: r.currency.toUpperCase() });
      }
    });
    return refunds;
  }

  /**
   * Stripe's errors in the port's terms: a card declined is a FAILED payment
   * (with its decline code), not an exception; no answer or a 5xx is
   * ProviderUnavailable (maybe applied: retry with the same key); anything
   * else Stripe refused is ProviderRejected.
   */
  private async call<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      if (err instanceof Stripe.errors.StripeCardError && err.payment_intent) {
        const failed = paymentFromIntent(err.payment_intent);
        return { ...failed, status: 'FAILED', failureCode: err.decline_code ?? err.code ?? failed.failureCode } as T;
      }
      if (err instanceof Stripe.errors.StripeConnectionError) throw new ProviderUnavailable(`stripe: ${err.message}`, true, 'api_connection_error');
      if (err instanceof Stripe.errors.StripeRateLimitError) throw new ProviderUnavailable(`stripe: ${err.message}`, false, 'rate_limit');
      if (err instanceof Stripe.errors.StripeError && (err.statusCode ?? 0) >= 500) throw new ProviderUnavailable(`stripe: ${err.message}`, true, 'api_error');
      if (err instanceof Stripe.errors.StripeError) throw new ProviderRejected(err.message, err.code ?? err.type ?? null);
      throw err;
    }
  }
}
