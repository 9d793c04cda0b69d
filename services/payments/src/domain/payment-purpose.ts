import { paymentPurposes, unpayableOrderStatuses, type OrderStatus, type PaymentPurpose } from '@vitrine/contracts';
import { BadUserInput, Conflict, NotFound, PolicyViolation } from '@vitrine/platform/domain';

/*
 * One vocabulary with orders: the purposes and the closed (unpayable)
 * statuses come from the contracts. What a payment intent is for (DOMAIN.md
 * sections 4 and 6):
 * - DEPOSIT: a share of a preorder's price at order (deposit plan);
 * - FULL_PAYMENT: everything at order, estimated shipping included;
 * - DOWN_PAYMENT: a product's non-refundable down payment at order;
 * - BALANCE: the rest of the price plus shipping, once released;
 * - ARRIVAL_PAYMENT: pay-on-arrival plans, once the item is at the warehouse;
 * - CHARGE_AT_SHIP: the stored payment method, charged when the ship date is fixed;
 * - EXTRA_SHIPPING: the final shipping cost above the estimate, before dispatch.
 */
export { paymentPurposes, unpayableOrderStatuses, type PaymentPurpose };

/** Only balances can be paid for several orders in one payment (bulk payment, seed 000). */
export const bulkPurposes: readonly PaymentPurpose[] = ['BALANCE'];

/** Money the customer can forfeit by cancelling: held as a deposit until the order ships. */
export const depositPurposes: readonly PaymentPurpose[] = ['DEPOSIT', 'DOWN_PAYMENT'];

export const purposeLabels: Readonly<Record<PaymentPurpose, string>> = {
  DEPOSIT: 'deposit',
  FULL_PAYMENT: 'full payment',
  DOWN_PAYMENT: 'down payment',
  BALANCE: 'balance',
  ARRIVAL_PAYMENT: 'payment on arrival',
  CHARGE_AT_SHIP: 'payment at shipping',
  EXTRA_SHIPPING: 'extra shipping invoice',
};

/** What an order owes for one purpose, in total (not net of payments), as orders says. */
export interface Due {
  purpose: PaymentPurpose;
  /** Minor units for the goods (deposit, balance, down payment...). */
  product: number;
  /** Minor units for shipping (estimate, or the extra above it). */
  shipping: number;
  dueAt: Date | null;
  /** Waived by the store (logistics' staff waived an extra shipping invoice): no longer payable, never owed. */
  waived?: boolean;
}

/** One order's facts from orders: the only source of an amount to charge (never the client). */
export interface OrderFacts {
  orderId: string;
  status: OrderStatus;
  currency: string;
  dues: readonly Due[];
}

/** What succeeded charges already brought in for one order and purpose. */
export interface PaidTowards {
  orderId: string;
  purpose: PaymentPurpose;
  product: number;
  shipping: number;
}

export interface CollectionPart {
  orderId: string;
  product: number;
  shipping: number;
  /** product + shipping */
  amount: number;
  dueAt: Date | null;
}

/** What one intent must charge: the parts, one per order, and their sum. */
export interface Collection {
  purpose: PaymentPurpose;
  currency: string;
  amount: number;
  parts: CollectionPart[];
  /** The earliest due date among the parts (null when none has one). */
  dueAt: Date | null;
}

export interface CollectionRequest {
  purpose: PaymentPurpose;
  orderIds: readonly string[];
}

const list = (ids: readonly string[]) => ids.join(', ');

/**
 * The amount one intent must charge, from orders' facts minus what was
 * already paid, for one order or (balances only) several in one payment.
 * Refuses, in this order: no order or one listed twice (BAD_USER_INPUT);
 * several orders for a purpose that cannot be paid in bulk; an order orders
 * does not know (NOT_FOUND); a closed order; different currencies; an order
 * whose only dues of this purpose were waived by the store (DUE_WAIVED); an
 * order that owes nothing for this purpose (all POLICY_VIOLATION); an order whose
 * due is already paid (CONFLICT, rule ALREADY_PAID). Each refusal names every
 * order it concerns.
 */
export function amountToCollect(request: CollectionRequest, orders: readonly OrderFacts[], alreadyPaid: readonly PaidTowards[]): Collection {
  const { purpose, orderIds } = request;
  const label = purposeLabels[purpose];
  if (orderIds.length === 0) {
    throw new BadUserInput('Choose at least one order to pay.', [{ field: 'orderIds', reason: 'REQUIRED', message: 'Choose at least one order to pay.' }]);
  }
  const twice = [...new Set(orderIds.filter((id, i) => orderIds.indexOf(id) !== i))];
  if (twice.length > 0) {
    const message = `Each order can be listed only once (listed more than once: ${list(twice)}).`;
    throw new BadUserInput(message, [{ field: 'orderIds', reason: 'DUPLICATE', message }]);
  }
  if (orderIds.length > 1 && !bulkPurposes.includes(purpose)) {
    throw new PolicyViolation(`Only balances can be paid for several orders at once; pay each ${label} separately.`, 'BULK_PAYMENT_PURPOSE', { purpose });
  }
  const facts = orderIds.map((id) => {
    const order = orders.find((o) => o.orderId === id);
    if (!order) throw new NotFound('Order', id);
    return order;
  });

  const closed = facts.filter((o) => unpayableOrderStatuses.includes(o.status));
  if (closed.length > 0) {
    const described = closed.map((o) => `${o.orderId} (${o.status.toLowerCase()})`);
    throw new PolicyViolation(`These orders are closed and can no longer be paid: ${list(described)}.`, 'ORDER_NOT_PAYABLE', {
      orderIds: closed.map((o) => o.orderId),
    });
  }
  const currencies = [...new Set(facts.map((o) => o.currency))].sort();
  if (currencies.length > 1) {
    throw new PolicyViolation(`Orders in different currencies (${list(currencies)}) cannot be paid together; pay them separately.`, 'MIXED_CURRENCIES', {
      currencies,
    });
  }

  const waived = facts.filter((o) => o.dues.some((d) => d.purpose === purpose && d.waived) && !o.dues.some((d) => d.purpose === purpose && !d.waived));
  if (waived.length > 0) {
    const ids = waived.map((o) => o.orderId);
    throw new PolicyViolation(
      `The store waived the ${label} on ${ids.length === 1 ? 'order' : 'orders'} ${list(ids)}: there is nothing to pay.`,
      'DUE_WAIVED',
      {
        orderIds: ids,
        purpose,
      },
    );
  }
  const owing = facts.map((o) => ({ order: o, dues: o.dues.filter((d) => d.purpose === purpose && !d.waived) }));
  for (const amount of [...owing.flatMap((x) => x.dues), ...alreadyPaid].flatMap((x) => [x.product, x.shipping])) {
    if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`Dues and payments are whole minor units, not ${amount}.`);
  }
  const nothingDue = owing.filter((x) => x.dues.length === 0 || x.dues.every((d) => d.product + d.shipping === 0));
  if (nothingDue.length > 0) {
    const ids = nothingDue.map((x) => x.order.orderId);
    throw new PolicyViolation(`There is no ${label} to pay on ${ids.length === 1 ? 'order' : 'orders'} ${list(ids)}.`, 'NOTHING_OWED', {
      orderIds: ids,
      purpose,
    });
  }

  const parts = owing.map(({ order, dues }): CollectionPart => {
    const paid = alreadyPaid.filter((p) => p.orderId === order.orderId && p.purpose === purpose);
    const owedProduct = dues.reduce((n, d) => n + d.product, 0) - paid.reduce((n, p) => n + p.product, 0);
    const owedShipping = dues.reduce((n, d) => n + d.shipping, 0) - paid.reduce((n, p) => n + p.shipping, 0);
    const product = Math.max(0, owedProduct);
    const shipping = Math.max(0, owedShipping);
    const dueAt = earliest(dues.map((d) => d.dueAt));
    return { orderId: order.orderId, product, shipping, amount: product + shipping, dueAt };
  });
  const paidUp = parts.filter((p) => p.amount === 0).map((p) => p.orderId);
  if (paidUp.length > 0) {
    throw new Conflict(`The ${label} is already paid on ${paidUp.length === 1 ? 'order' : 'orders'} ${list(paidUp)}.`, {
      rule: 'ALREADY_PAID',
      orderIds: paidUp,
      purpose,
    });
  }
  return {
    purpose,
    currency: currencies[0]!,
    amount: parts.reduce((n, p) => n + p.amount, 0),
    parts,
    dueAt: earliest(parts.map((p) => p.dueAt)),
  };
}

function earliest(dates: readonly (Date | null)[]): Date | null {
  return dates.reduce<Date | null>((first, d) => (d !== null && (first === null || d.getTime() < first.getTime()) ? d : first), null);
}
