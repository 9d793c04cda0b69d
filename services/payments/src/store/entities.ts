import { sandboxEntities } from '../providers/sandbox/sandbox.entities.js';
import { ChargeSchema } from './charge.entity.js';
import { IdempotencyKeySchema } from './idempotency-key.entity.js';
import { KnownOrderSchema } from './known-order.entity.js';
import { LedgerPostingSchema, LedgerTransactionSchema } from './ledger.entity.js';
import { PaymentAllocationSchema } from './payment-allocation.entity.js';
import { PaymentDueSchema } from './payment-due.entity.js';
import { PaymentIntentSchema } from './payment-intent.entity.js';
import { PaymentMethodSchema, ProviderCustomerSchema } from './payment-method.entity.js';
import { RefundPayoutSchema } from './refund-payout.entity.js';
import { RefundSchema } from './refund.entity.js';
import { WebhookEventSchema } from './webhook-event.entity.js';

/** payments' own entities (the platform's tables come with every service), then the sandbox provider's. */
export const paymentsEntities = [
  KnownOrderSchema,
  PaymentDueSchema,
  PaymentIntentSchema,
  PaymentAllocationSchema,
  ChargeSchema,
  RefundSchema,
  RefundPayoutSchema,
  LedgerTransactionSchema,
  LedgerPostingSchema,
  PaymentMethodSchema,
  ProviderCustomerSchema,
  IdempotencyKeySchema,
  WebhookEventSchema,
  ...sandboxEntities,
];
