import { paymentPurposes, refundReasons } from '@vitrine/contracts';
import { graphqlEnum } from '@vitrine/platform';
import { failureKinds } from '../domain/failure-reasons.js';
import { ledgerAccountCodes } from '../domain/ledger-accounts.js';
import { movementKinds } from '../domain/ledger.js';
import { paymentIntentStatuses } from '../domain/payment-intent-status.js';
import { refundStatuses } from '../domain/refund-status.js';

export const PaymentPurposeEnum = graphqlEnum(paymentPurposes, {
  name: 'PaymentPurpose',
  description: 'What a payment is for: DEPOSIT, FULL_PAYMENT, DOWN_PAYMENT (non-refundable), BALANCE, ARRIVAL_PAYMENT, CHARGE_AT_SHIP, EXTRA_SHIPPING.',
});

export const PaymentIntentStatusEnum = graphqlEnum(paymentIntentStatuses, {
  name: 'PaymentIntentStatus',
  description:
    'REQUIRES_ACTION: confirm it (confirmPayment); PROCESSING: the provider is deciding, you will be told; SUCCEEDED: paid; FAILED: see failure, you may pay again; CANCELLED: given up.',
});

export const PaymentFailureKindEnum = graphqlEnum(failureKinds, { name: 'PaymentFailureKind', description: 'Why a payment failed, in the customer’s terms.' });

export const RefundReasonEnum = graphqlEnum(refundReasons, { name: 'RefundReason', description: 'Who decided a refund, and why.' });

export const RefundStatusEnum = graphqlEnum(refundStatuses, {
  name: 'RefundStatus',
  description: 'PENDING: decided, being paid out; SUCCEEDED: back with the customer; FAILED / PARTIALLY_FAILED: the provider refused (staff settle it).',
});

export const LedgerAccountEnum = graphqlEnum(ledgerAccountCodes, { name: 'LedgerAccount', description: 'The chart of accounts (see the payments README).' });

export const LedgerMovementEnum = graphqlEnum(movementKinds, { name: 'LedgerMovement', description: 'The business movement a ledger transaction records.' });
