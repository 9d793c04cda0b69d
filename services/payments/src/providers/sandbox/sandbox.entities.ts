import { defineEntity, p } from '@mikro-orm/core';

/*
 * The sandbox provider's own tables: a stand-in for a payment provider's
 * books, kept apart from payments' (only the sandbox adapter reads them, the
 * way a real provider's data is only reached through its API). It stores a
 * card's brand, last four digits and expiry, never its number.
 */

export const SandboxPaymentMethodSchema = defineEntity({
  name: 'SandboxPaymentMethod',
  tableName: 'sandbox_payment_method',
  properties: {
    id: p.string().length(64).primary(),
    customerRef: p.string().length(64).nullable(),
    brand: p.string().length(40),
    last4: p.string().length(4),
    expMonth: p.smallint(),
    expYear: p.smallint(),
    /** What charging it does (see sandbox-cards.ts). */
    behavior: p.string().length(32),
    createdAt: p.datetime(),
  },
});
export class SandboxPaymentMethod extends SandboxPaymentMethodSchema.class {}
SandboxPaymentMethodSchema.setClass(SandboxPaymentMethod);

export const SandboxPaymentSchema = defineEntity({
  name: 'SandboxPayment',
  tableName: 'sandbox_payment',
  properties: {
    id: p.string().length(64).primary(),
    amount: p.bigint('number'),
    currency: p.string().length(3),
    status: p.string().length(32),
    captureMethod: p.string().length(16),
    methodId: p.string().length(64),
    customerRef: p.string().length(64).nullable(),
    failureCode: p.string().length(80).nullable(),
    chargeId: p.string().length(64).nullable().unique(),
    metadata: p.json<Record<string, string>>(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
    capturedAt: p.datetime().nullable(),
    /** An authorisation (requires_capture) can be captured until then (store clock). */
    holdExpiresAt: p.datetime().nullable(),
    /** A slow (processing) payment succeeds on its own at this time. */
    settleAt: p.datetime().nullable().index(),
  },
});
export class SandboxPayment extends SandboxPaymentSchema.class {}
SandboxPaymentSchema.setClass(SandboxPayment);

export const SandboxRefundSchema = defineEntity({
  name: 'SandboxRefund',
  tableName: 'sandbox_refund',
  properties: {
    id: p.string().length(64).primary(),
    chargeId: p.string().length(64).index(),
    amount: p.bigint('number'),
    currency: p.string().length(3),
    status: p.string().length(16),
    failureCode: p.string().length(80).nullable(),
    metadata: p.json<Record<string, string>>(),
    createdAt: p.datetime(),
  },
});
export class SandboxRefund extends SandboxRefundSchema.class {}
SandboxRefundSchema.setClass(SandboxRefund);

/** The sandbox's idempotency layer: the first response to a key, replayed to every retry. */
export const SandboxRequestSchema = defineEntity({
  name: 'SandboxRequest',
  tableName: 'sandbox_request',
  properties: {
    idempotencyKey: p.string().length(255).primary(),
    operation: p.string().length(32),
    response: p.json<Record<string, unknown>>().nullable(),
    createdAt: p.datetime(),
  },
});
export class SandboxRequest extends SandboxRequestSchema.class {}
SandboxRequestSchema.setClass(SandboxRequest);

/** Webhook events the sandbox owes payments, delivered (signed) with retries like a real provider's. */
export const SandboxWebhookSchema = defineEntity({
  name: 'SandboxWebhook',
  tableName: 'sandbox_webhook',
  properties: {
    id: p.string().length(64).primary(),
    type: p.string().length(64),
    payload: p.json<Record<string, unknown>>(),
    createdAt: p.datetime(),
    deliverAfter: p.datetime().index(),
    deliveredAt: p.datetime().nullable(),
    /** Dropped on purpose by a fault setting (a missed webhook the reconciliation must repair). */
    dropped: p.boolean().default(false),
    attempts: p.integer().default(0),
    lastStatus: p.integer().nullable(),
  },
});
export class SandboxWebhook extends SandboxWebhookSchema.class {}
SandboxWebhookSchema.setClass(SandboxWebhook);

/** Fault settings (one row), shared by every replica: slow answers, 500s for a while, webhooks dropped or late. */
export const SandboxSettingSchema = defineEntity({
  name: 'SandboxSetting',
  tableName: 'sandbox_setting',
  checks: [{ name: 'sandbox_setting_single_row', expression: 'id = 1' }],
  properties: {
    id: p.smallint().primary(),
    latencyMs: p.integer(),
    failUntil: p.datetime().nullable(),
    dropWebhooksUntil: p.datetime().nullable(),
    webhookDelayMs: p.integer(),
    updatedAt: p.datetime(),
  },
});
export class SandboxSetting extends SandboxSettingSchema.class {}
SandboxSettingSchema.setClass(SandboxSetting);

export const sandboxEntities = [
  SandboxPaymentMethodSchema,
  SandboxPaymentSchema,
  SandboxRefundSchema,
  SandboxRequestSchema,
  SandboxWebhookSchema,
  SandboxSettingSchema,
];
