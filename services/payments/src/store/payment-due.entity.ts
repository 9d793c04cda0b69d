import { defineEntity, p } from '@mikro-orm/core';
import type { PaymentPurpose } from '@vitrine/contracts';

export const dueStates = ['OPEN', 'SETTLED', 'VOID', 'WAIVED'] as const;
export type DueState = (typeof dueStates)[number];

/**
 * orders' PaymentDue, as payments collects it: the only source of an amount
 * to charge. OPEN until a payment settles it (SETTLED, naming the intent),
 * the order ends (VOID) or, an extra shipping invoice, logistics' staff waive
 * it (WAIVED: no longer payable; a payment reaching it is given back).
 */
export const PaymentDueSchema = defineEntity({
  name: 'PaymentDue',
  tableName: 'payment_due',
  checks: [
    { name: 'payment_due_parts_not_negative', expression: 'goods >= 0 and shipping >= 0' },
    { name: 'payment_due_amount_is_sum', expression: 'amount = goods + shipping' },
    { name: 'payment_due_state_known', expression: `state in (${dueStates.map((s) => `'${s}'`).join(', ')})` },
  ],
  properties: {
    /** orders' dueId. */
    id: p.uuid().primary(),
    orderId: p.uuid().index(),
    customerId: p.uuid().index(),
    purpose: p.string().length(32).$type<PaymentPurpose>(),
    goods: p.bigint('number'),
    shipping: p.bigint('number'),
    amount: p.bigint('number'),
    currency: p.string().length(3),
    dueAt: p.datetime().nullable(),
    collect: p.string().length(16).$type<'CUSTOMER' | 'STORED_METHOD'>(),
    paymentMethodId: p.uuid().nullable(),
    state: p.string().length(16).$type<DueState>(),
    settledByIntentId: p.uuid().nullable(),
    createdAt: p.datetime(),
    closedAt: p.datetime().nullable(),
  },
});

export class PaymentDue extends PaymentDueSchema.class {}
PaymentDueSchema.setClass(PaymentDue);
