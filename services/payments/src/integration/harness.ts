// Test-only helpers for payments' int specs (excluded from the build): payments
// booted alone on real PostgreSQL and Kafka (bootIsolatedService), orders'
// events published on the bus as orders would, callers signed in with the
// test token issuer (h.tokens).
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  orderCancelledV1,
  orderExpiredV1,
  orderStatusChangedV1,
  paymentDueV1,
  shippingQuotedV1,
  type EventData,
  type EventDefinition,
  type EventEnvelope,
  type PaymentPurpose,
} from '@vitrine/contracts';
import { bootIsolatedService, eventually, gql, type GraphQLResponse, type IsolatedService, type TestIdentity, type TypedDocumentNode } from '@vitrine/testing';
import { Webhook } from 'standardwebhooks';
import { localDefaults } from '../config/payments-env.js';
import { paymentsService } from '../payments-service.js';
import { graphql } from '../__generated__/index.js';

export type { TestIdentity };

export interface PaymentsHarness extends IsolatedService {
  /** The service's origin (http://127.0.0.1:port), for its plain HTTP routes. */
  readonly origin: string;
  /** Staff holding payments' scope (payments:write). */
  staff(): Promise<TestIdentity>;
  /** A typed operation from src/__generated__, as `who` (anonymous without). */
  call<TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables, who?: TestIdentity): Promise<GraphQLResponse<TData>>;
  /** A fresh EntityManager on payments' own pool. */
  em(): EntityManager;
  /** Publishes one of orders' events on the bus, exactly as orders' relay would. */
  publishFromOrders<TDef extends EventDefinition>(definition: TDef, subject: string, data: EventData<TDef>): Promise<EventEnvelope>;
  /** Publishes an event as `source` would and waits until payments has processed it. */
  consumed<TDef extends EventDefinition>(source: string, definition: TDef, subject: string, data: EventData<TDef>): Promise<void>;
  /** Publishes a PaymentDue and waits until payments has it. */
  due(options: DueOptions): Promise<{ dueId: string; orderId: string }>;
  cancelled(options: { orderId: string; customerId: string; fee?: number; refund?: number; currency?: string }): Promise<void>;
  expired(options: { orderId: string; customerId: string; kept?: number; refund?: number; currency?: string }): Promise<void>;
  shipped(orderId: string): Promise<void>;
  /** logistics' ShippingQuoted for one parcel: each order's estimate paid and its share of the final cost. */
  shippingQuoted(customerId: string, shares: { orderId: string; estimatePaid: number; finalShare: number }[]): Promise<void>;
  /** Events payments staged in its outbox, of one type, oldest first. */
  published(type: string): Promise<Record<string, any>[]>;
  /** Signs a sandbox webhook as the sandbox would and POSTs it. */
  postSandboxWebhook(payload: Record<string, unknown>, options?: { id?: string; secret?: string }): Promise<Response>;
}

export interface DueOptions {
  customerId: string;
  orderId?: string;
  dueId?: string;
  purpose?: PaymentPurpose;
  goods: number;
  shipping?: number;
  currency?: string;
  collect?: 'CUSTOMER' | 'STORED_METHOD';
  paymentMethodId?: string | null;
  /** The deadline (ISO); none by default. */
  dueAt?: string | null;
  /** STORED_METHOD: taken at once (default) or held until the order ships. */
  capture?: 'AUTOMATIC' | 'AT_DISPATCH';
  /** Do not wait for payments to record it (the pay call waits itself). */
  noWait?: boolean;
}

export async function bootPayments(label: string, env: Record<string, string> = {}): Promise<PaymentsHarness> {
  const isolated = await bootIsolatedService(paymentsService, {
    label,
    env: { TIMER_POLL_MS: '100', SANDBOX_WEBHOOK_POLL_MS: '50', PAYMENTS_RECHECK_AFTER_MS: '500', ...env },
  });
  const { service, sql } = isolated;
  const origin = new URL(service.url).origin;
  const em = () => service.orm.em.fork() as EntityManager;

  const publishFromOrders = <TDef extends EventDefinition>(definition: TDef, subject: string, data: EventData<TDef>): Promise<EventEnvelope> =>
    isolated.publish({ source: 'orders', definition, subject, data });
  const processed = (eventId: string) =>
    eventually(async () => (await sql(`select 1 from payments.inbox_processed_event where event_id = ?`, [eventId])).length === 1, {
      timeoutMs: 20_000,
      intervalMs: 50,
    });
  const money = (amount: number, currency: string) => ({ amount, currency });

  return Object.assign(isolated, {
    origin,
    staff: () => isolated.tokens.staff(paymentsService.identity.scopes),
    call: <TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables, who?: TestIdentity) =>
      gql(service.url, document, variables, who?.headers ?? {}),
    em,
    publishFromOrders,
    async consumed(source, definition, subject, data) {
      await processed((await isolated.publish({ source, definition, subject, data })).id);
    },
    async due(options) {
      const currency = options.currency ?? 'USD';
      const shipping = options.shipping ?? 0;
      const data = {
        dueId: options.dueId ?? randomUUID(),
        orderId: options.orderId ?? randomUUID(),
        customerId: options.customerId,
        purpose: options.purpose ?? 'DEPOSIT',
        amount: money(options.goods + shipping, currency),
        goods: money(options.goods, currency),
        shipping: money(shipping, currency),
        dueAt: options.dueAt ?? null,
        collect: options.collect ?? 'CUSTOMER',
        paymentMethodId: options.paymentMethodId ?? null,
        ...(options.capture && { capture: options.capture }),
      } satisfies EventData<typeof paymentDueV1>;
      const envelope = await publishFromOrders(paymentDueV1, data.orderId, data);
      if (!options.noWait) await processed(envelope.id);
      return { dueId: data.dueId, orderId: data.orderId };
    },
    async cancelled({ orderId, customerId, fee = 0, refund = 0, currency = 'USD' }) {
      const rule = { id: 'test.cancellation', text: 'Cancelled in a test.' };
      const envelope = await publishFromOrders(orderCancelledV1, orderId, {
        orderId,
        customerId,
        by: 'STAFF',
        reason: 'test',
        fee: money(fee, currency),
        refund: money(refund, currency),
        rule,
        feesWaived: false,
      });
      await publishFromOrders(orderStatusChangedV1, orderId, { orderId, from: 'AWAITING_PAYMENT', to: 'CANCELLED' });
      await processed(envelope.id);
    },
    async expired({ orderId, customerId, kept = 0, refund = 0, currency = 'USD' }) {
      const envelope = await publishFromOrders(orderExpiredV1, orderId, {
        orderId,
        customerId,
        kept: money(kept, currency),
        refund: money(refund, currency),
        rule: { id: 'test.expiry', text: 'Expired in a test.' },
        countsTowardAbuse: false,
      });
      await processed(envelope.id);
    },
    async shipped(orderId) {
      const envelope = await publishFromOrders(orderStatusChangedV1, orderId, { orderId, from: 'IN_FULFILMENT', to: 'SHIPPED' });
      await processed(envelope.id);
    },
    async shippingQuoted(customerId, shares) {
      const shipmentId = randomUUID();
      const usd = (amount: number) => money(amount, 'USD');
      await this.consumed('logistics', shippingQuotedV1, shipmentId, {
        shipmentId,
        customerId,
        finalCost: usd(shares.reduce((n, s) => n + s.finalShare, 0)),
        weightGrams: 1_200,
        dimensions: { lengthMm: 320, widthMm: 220, heightMm: 150 },
        outcome: 'REFUND_EXCESS',
        orders: shares.map((s) => ({
          orderId: s.orderId,
          estimatePaid: usd(s.estimatePaid),
          finalShare: usd(s.finalShare),
          excessRefund: usd(Math.max(0, s.estimatePaid - s.finalShare)),
          extraDue: usd(Math.max(0, s.finalShare - s.estimatePaid)),
        })),
        quotedAt: new Date().toISOString(),
      });
    },
    async published(type) {
      const rows = await sql<{ envelope: Record<string, any> }>(`select envelope from payments.outbox_message where type = ? order by seq`, [type]);
      return rows.map((r) => r.envelope.data);
    },
    async postSandboxWebhook(payload, options = {}) {
      const id = options.id ?? `evt_test_${randomUUID()}`;
      const body = JSON.stringify({ id, created: new Date().toISOString(), ...payload });
      const at = new Date();
      const signer = new Webhook(options.secret ?? localDefaults.SANDBOX_WEBHOOK_SECRET);
      return fetch(`${origin}/webhooks/sandbox`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': id,
          'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
          'webhook-signature': signer.sign(id, at, body),
        },
        body,
      });
    },
  } satisfies Omit<PaymentsHarness, keyof IsolatedService>);
}

export const payMutation = graphql(`
  mutation HarnessPay($input: PayInput!, $key: String!) {
    pay(input: $input, idempotencyKey: $key) {
      id
      status
      purpose
      amount {
        amount
        currency
      }
      allocations {
        orderId
        dueId
        amount {
          amount
          currency
        }
      }
      failure {
        kind
        message
      }
      nextAction {
        type
      }
      paymentMethod
    }
  }
`);

export const refundMutation = graphql(`
  mutation HarnessRefund($orderId: ID!, $amount: MoneyInput!, $reason: String!, $key: String!) {
    refundPayment(orderId: $orderId, amount: $amount, reason: $reason, idempotencyKey: $key) {
      id
      orderId
      amount {
        amount
        currency
      }
      reason
      status
    }
  }
`);

export const reconciliationQuery = graphql(`
  query HarnessReconciliation {
    ledgerReconciliation {
      balanced
      transactions
      orders
      processingIntents
      totals {
        currency
        paid {
          amount
        }
        refunded {
          amount
        }
        refundedOut {
          amount
        }
        held {
          amount
        }
      }
      discrepancies {
        kind
        details
      }
    }
  }
`);

/** What the sandbox recorded: charges that captured money, and refunds paid out. */
export async function sandboxBooks(h: PaymentsHarness): Promise<{ charges: number; captured: number; refunds: number; refunded: number }> {
  const [p] = await h.sql<{ n: string; s: string | null }>(`select count(*) as n, sum(amount) as s from payments.sandbox_payment where charge_id is not null`);
  const [r] = await h.sql<{ n: string; s: string | null }>(`select count(*) as n, sum(amount) as s from payments.sandbox_refund where status = 'succeeded'`);
  return { charges: Number(p!.n), captured: Number(p!.s ?? 0), refunds: Number(r!.n), refunded: Number(r!.s ?? 0) };
}
