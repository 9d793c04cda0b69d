import { orderKinds, orderPaymentPlans, paymentPurposes } from '@vitrine/contracts';
import { graphqlEnum } from '@vitrine/platform';
import { customerOrderActions } from '../domain/customer-actions.js';
import { dueStatuses } from '../domain/order-snapshot.js';
import { orderStatuses, orderStatusMeanings } from '../domain/order-status.js';
import { orderSteps } from '../domain/staff-steps.js';

/** CONFIRMED ("units held") was replaced by AWAITING_PAYMENT and SECURED; no order has it any more, but clients may still name it. */
const apiOrderStatuses = [...orderStatuses, 'CONFIRMED'] as const;

export const OrderStatusEnum = graphqlEnum(apiOrderStatuses, {
  name: 'OrderStatus',
  valuesConfig: {
    ...Object.fromEntries(orderStatuses.map((s) => [s, { description: orderStatusMeanings[s] }])),
    CONFIRMED: {
      description: 'Units held (orders placed before payment plans).',
      deprecationReason: 'Orders now wait in AWAITING_PAYMENT or SECURED; none is CONFIRMED.',
    },
  },
});

export const OrderKindEnum = graphqlEnum(orderKinds, {
  name: 'OrderKind',
  description: 'Preorders and items in stock never share an order.',
});

export const OrderPaymentPlanEnum = graphqlEnum(orderPaymentPlans, {
  name: 'OrderPaymentPlan',
  valuesConfig: {
    DEPOSIT: { description: 'A deposit at order; the balance and shipping once released.' },
    FULL_PAYMENT: { description: 'Everything at order, estimated shipping included.' },
    PAY_ON_ARRIVAL: { description: 'Nothing at order (unless a non-refundable down payment applies); paid once at the warehouse.' },
    CHARGE_AT_SHIP: {
      description: 'A stored payment method, charged (or the amount held, where the store takes it at dispatch) the day the shipping date is fixed.',
    },
    IN_STOCK: { description: 'An item in stock, paid in full at order.' },
  },
});

export const PaymentPurposeEnum = graphqlEnum(paymentPurposes, { name: 'PaymentPurpose', description: 'What a payment is for.' });

export const DueStatusEnum = graphqlEnum(dueStatuses, {
  name: 'DueStatus',
  valuesConfig: {
    OPEN: { description: 'Waiting to be paid.' },
    HELD: { description: 'Held on the card, taken when the parcel leaves.' },
    PAID: { description: 'Paid.' },
    VOID: { description: 'No longer owed (the order ended).' },
  },
});

export const paymentChoices = ['DEPOSIT', 'FULL_PAYMENT'] as const;
export const PaymentChoiceEnum = graphqlEnum(paymentChoices, {
  name: 'PaymentChoice',
  description: 'For a preorder sold with a deposit: pay the deposit now, or everything now where the campaign allows it.',
});

export const cancellationOutcomes = ['ALLOWED', 'REFUSED', 'STAFF_REVIEW'] as const;
export const CancellationOutcomeEnum = graphqlEnum(cancellationOutcomes, {
  name: 'CancellationOutcome',
  valuesConfig: {
    ALLOWED: { description: 'Cancelling now applies these amounts.' },
    REFUSED: { description: 'The order cannot be cancelled now (see rule).' },
    STAFF_REVIEW: { description: 'Our staff decide; cancelling records your request.' },
  },
});

export const OrderStepEnum = graphqlEnum(orderSteps, {
  name: 'OrderStep',
  description: 'A step staff (orders:manage) take on an order by hand; Order.staffSteps lists those the order accepts now.',
  valuesConfig: {
    CONFIRM_SHIPPING_DATE: { description: 'confirmShippingDate: a secured or paid order (a preorder once released or arrived) whose date is not fixed yet.' },
    START_FULFILMENT: { description: 'startFulfilment: a paid order the warehouse has not started.' },
    MARK_SHIPPED: { description: 'markOrderShipped: a paid order or one being packed.' },
    MARK_DELIVERED: { description: 'markOrderDelivered: a shipped order.' },
    CANCEL: { description: 'cancelOrder with a reason: an order that has neither ended nor shipped.' },
  },
});

export const CustomerOrderActionEnum = graphqlEnum(customerOrderActions, {
  name: 'CustomerOrderAction',
  description: "Something the order's customer may do to it themselves; Order.customerActions lists those the order accepts now.",
  valuesConfig: {
    PAY: { description: 'pay (payments): something is due that you pay yourself (see nextPayment), not one charged to your stored card.' },
    CANCEL: { description: 'cancelOrder with the token of cancellationQuote: the policy lets you cancel now, on the quoted terms.' },
    REQUEST_CANCELLATION: {
      description: 'cancelOrder with the token of cancellationQuote: our staff decide; cancelling records your request (listed until you ask).',
    },
  },
});
