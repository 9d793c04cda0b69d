import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancellationRightOnReleaseDateChange, chargeAtShipRetryDeadline, presets } from '@vitrine/policy';
import { eventually } from '@vitrine/testing';
import { graphql } from './__generated__/index.js';
import type { Identity } from './support/identities.js';
import { count, rows } from './support/sql.js';
import { createProduct, graph, type TestStack } from './support/stack.js';
import { handOver, packParcel } from './support/fulfilment-steps.js';
import { advanceClock, heldFor, ledgerSettles, parisAddress, releaseProduct, startStoreStack, until } from './support/store-scenario.js';

// charge-at-ship (seed 003) end to end through the gateway, orders and
// payments both real. The store's rate card: STANDARD to France 1,500 for the
// first item + 500 per extra item (store-scenario's franceShipping).
// - A card is saved at payments, named at checkout, and nothing is charged
//   when ordering (003 step 9: "On the same day the shipping date notification
//   is sent, payment will be processed using your registered credit card").
// - Staff fix the shipping date: exactly what is owed, goods + the shipping
//   estimate, is held on the stored card (the preset's chargeAtShip.capture
//   AT_DISPATCH) and the order is ready to fulfil; when the parcel leaves the
//   hold is captured, less what the final shipping cost left of the estimate.
//   Staff cancelling before dispatch release the hold: nothing to refund.
// - A stored card that declines at that charge: the customer is told, and has
//   the preset's grace period (paymentErrorGrace: 7 DAYS; 003: "Please ensure
//   that payment is made within a week") to pay; past it, unpaid, the order is
//   cancelled by the system with nothing kept and nothing to refund.
// - A release-date slip opens no cancellation right (003: "Requests to cancel
//   orders due to altered release dates (advancements/delays) will not be
//   accepted."; changeRights.releaseDateChange NONE).
// - Quantity and payment method cannot change once placed (003); the address
//   can until the shipping date is confirmed (addressChange.until
//   SHIPPING_DATE_CONFIRMED).
const policy = presets['charge-at-ship'];
let stack: TestStack;

beforeAll(async () => {
  stack = await startStoreStack('charge_at_ship', 'charge-at-ship');
});
afterAll(async () => {
  await stack?.stop();
});

const saveCardMutation = graphql(`
  mutation ChargeAtShipSaveCard($token: String!, $key: String!) {
    savePaymentMethod(token: $token, idempotencyKey: $key) {
      id
      brand
      last4
    }
  }
`);
const checkoutMutation = graphql(`
  mutation ChargeAtShipCheckout($input: CheckoutInput!, $key: String!) {
    checkout(input: $input, idempotencyKey: $key) {
      id
      kind
      paymentPlan
      total {
        amount
      }
      shippingEstimate {
        amount
      }
    }
  }
`);
const orderQuery = graphql(`
  query ChargeAtShipOrder($id: ID!) {
    order(id: $id) {
      id
      status
      paymentPlan
      releasedAt
      shippingDateConfirmedAt
      cancellationRequestedAt
      lines {
        quantity
      }
      shippingAddress {
        line1
        city
        postalCode
      }
      dues {
        id
        purpose
        status
      }
      nextPayment {
        id
        purpose
        amount {
          amount
        }
        goods {
          amount
        }
        shipping {
          amount
        }
        dueAt
        status
        rule
        lastFailure
      }
      cancellationRight {
        reason
      }
      outcome {
        kind
        by
        reason
        kept {
          amount
        }
        refund {
          amount
        }
        rule {
          id
        }
      }
      amountDue {
        amount
      }
      amountPaid {
        amount
      }
      amountRefunded {
        amount
      }
      payments {
        status
        purpose
        paymentMethod
        amount {
          amount
        }
      }
      refunds {
        amount {
          amount
        }
      }
      payNowUrl
    }
  }
`);
const releaseDateMutation = graphql(`
  mutation ChargeAtShipReleaseDate($id: ID!, $estimate: String!) {
    changeReleaseDate(productId: $id, estimate: $estimate, reason: "The maker pushed production back.") {
      releaseDateHistory {
        newEstimate
      }
    }
  }
`);
const confirmShippingDateMutation = graphql(`
  mutation ChargeAtShipConfirmShippingDate($id: ID!) {
    confirmShippingDate(orderId: $id) {
      status
      shippingDateConfirmedAt
    }
  }
`);
const changeAddressMutation = graphql(`
  mutation ChargeAtShipChangeAddress($id: ID!, $address: ShippingAddressInput!) {
    changeShippingAddress(orderId: $id, address: $address) {
      shippingAddress {
        line1
      }
    }
  }
`);
const quoteQuery = graphql(`
  query ChargeAtShipQuote($id: ID!) {
    cancellationQuote(orderId: $id) {
      outcome
      paid {
        amount
      }
      refund {
        amount
      }
      rule {
        id
      }
      token
    }
  }
`);
const cancelMutation = graphql(`
  mutation ChargeAtShipCancel($id: ID!, $token: String) {
    cancelOrder(id: $id, quoteToken: $token) {
      status
      cancellationRequestedAt
    }
  }
`);
const payMutation = graphql(`
  mutation ChargeAtShipPay($input: PayInput!, $key: String!) {
    pay(input: $input, idempotencyKey: $key) {
      status
    }
  }
`);
const shipmentsQuery = graphql(`
  query ChargeAtShipShipments($id: ID!) {
    order(id: $id) {
      shipments {
        id
      }
    }
  }
`);
const staffCancelMutation = graphql(`
  mutation ChargeAtShipStaffCancel($id: ID!, $reason: String!) {
    cancelOrder(id: $id, reason: $reason, waiveFees: false) {
      status
    }
  }
`);
const removeCardMutation = graphql(`
  mutation ChargeAtShipRemoveCard($id: ID!) {
    removePaymentMethod(id: $id)
  }
`);
const policyQuery = graphql(`
  query ChargeAtShipPolicy($version: Int) {
    storePolicy(version: $version) {
      version
      policyId
      document
    }
  }
`);
const policyInForceQuery = graphql(`
  query ChargeAtShipPolicyInForce {
    storePolicy {
      version
      policyId
    }
  }
`);
const mutationFieldsQuery = graphql(`
  query ChargeAtShipMutationFields {
    __type(name: "Mutation") {
      fields {
        name
        args {
          name
        }
      }
    }
  }
`);

const orderOf = async (who: Identity, id: string) => (await graph(stack, orderQuery, { id }, who)).data?.order;

/** Saves a sandbox card at payments and waits until orders knows it (checkout may name it from then on). */
async function saveCard(customer: Identity, token: string) {
  const saved = await graph(stack, saveCardMutation, { token, key: randomUUID() }, customer);
  expect(saved.errors, JSON.stringify(saved.errors)).toBeUndefined();
  const card = saved.data!.savePaymentMethod;
  await eventually(async () => (await count(stack, 'select count(*) as n from orders.known_payment_method where id = ? and not removed', [card.id])) === 1);
  return card;
}

function checkout(customer: Identity, productId: string, quantity: number, paymentMethodId: string, key = randomUUID()) {
  return graph(
    stack,
    checkoutMutation,
    { input: { lines: [{ productId, quantity }], shippingAddress: parisAddress, shippingMethod: 'STANDARD', paymentMethodId }, key },
    customer,
  );
}

/** Closes the preorder and releases the product; waits until orders has recorded the release on the order. */
async function release(customer: Identity, productId: string, orderId: string) {
  await releaseProduct(stack, productId);
  return until(
    () => orderOf(customer, orderId),
    (o) => o.releasedAt !== null,
  );
}

/** A one-unit preorder on a stored card, secured with nothing paid (charge at ship). */
async function securedOrder(customer: Identity, cardToken: string, price: number) {
  const card = await saveCard(customer, cardToken);
  const product = await createProduct(stack, 5, price, { status: 'PREORDER' });
  const placed = await checkout(customer, product.id, 1, card.id);
  expect(placed.errors).toBeUndefined();
  const id = placed.data!.checkout[0]!.id;
  await until(
    () => orderOf(customer, id),
    (o) => o.status === 'SECURED',
  );
  return { id, cardId: card.id, productId: product.id };
}

/** The same, released and its shipping date fixed by staff: payments now holds (or fails to hold) the amount. */
async function confirmedOrder(customer: Identity, cardToken: string, price: number) {
  const { id, cardId, productId } = await securedOrder(customer, cardToken, price);
  await release(customer, productId, id);
  const confirmed = await graph(stack, confirmShippingDateMutation, { id }, stack.admin);
  expect(confirmed.errors).toBeUndefined();
  return { id, cardId };
}

/** The sandbox's side of the order's charge-at-ship payments. */
const providerSide = (id: string) =>
  rows<{ amount: string; status: string }>(
    stack,
    `select sp.amount, sp.status from payments.sandbox_payment sp join payments.payment_intent i on i.provider_payment_id = sp.id
       where i.id in (select intent_id from payments.payment_allocation where order_id = ?) order by i.created_at`,
    [id],
  );

/**
 * Staff at logistics pack the order's parcel, the carrier charging `finalCost`, wait until payments holds `held`
 * on the card (the estimate less what the final cost left of it), and hand the parcel to the carrier.
 */
async function packAndHandOver(customer: Identity, id: string, parcel: { finalCost: number; held: number; trackingNumber: string }) {
  const shipments = await until(
    async () => (await graph(stack, shipmentsQuery, { id }, customer)).data?.order?.shipments,
    (s) => s.length === 1,
  );
  const shipmentId = shipments[0]!.id;
  await packParcel(stack, shipmentId, parcel.finalCost);
  await until(
    () =>
      count(
        stack,
        `select count(*) as n from payments.payment_intent i join payments.payment_allocation a on a.intent_id = i.id where a.order_id = ? and i.status = 'REQUIRES_CAPTURE' and i.amount = ?`,
        [id, parcel.held],
      ),
    (n) => n === 1,
  );
  await handOver(stack, shipmentId, 'YAMATO', parcel.trackingNumber);
}

describe('charge at ship (003): the amount is held on the stored card the day the shipping date is fixed, taken at dispatch', () => {
  it('nothing at order; the exact amount on the stored card once the shipping date is confirmed; quantity and card fixed, the address until then', async () => {
    const customer = await stack.newCustomer();
    const visa = await saveCard(customer, 'sandbox_visa');
    const product = await createProduct(stack, 20, 12_000, { status: 'PREORDER' });
    const key = randomUUID();
    const placed = await checkout(customer, product.id, 2, visa.id, key);
    expect(placed.errors).toBeUndefined();
    // 2 x 12,000 = 24,000 of goods; shipping to FR 1,500 for the first item + 500 for the second = 2,000.
    expect(placed.data!.checkout).toEqual([
      { id: expect.any(String), kind: 'PREORDER', paymentPlan: 'CHARGE_AT_SHIP', total: { amount: 24_000 }, shippingEstimate: { amount: 2_000 } },
    ]);
    const id = placed.data!.checkout[0]!.id;

    // Nothing is due (or charged) at order: the order is secured on the stored card.
    const secured = await until(
      () => orderOf(customer, id),
      (o) => o.status === 'SECURED',
    );
    // payments has not even heard of the order yet (no due announced): its money fields are null, as for an unknown order.
    expect(secured).toMatchObject({ dues: [], nextPayment: null, amountDue: null, amountPaid: null, payments: [], payNowUrl: null });
    expect(await count(stack, 'select count(*) as n from payments.payment_intent where customer_id = ?', [customer.id])).toBe(0);
    expect(await count(stack, 'select count(*) as n from payments.charge where order_id = ?', [id])).toBe(0);

    // Quantity and payment method cannot change after the order is placed (003): the API has no mutation that
    // would, and sending the checkout again under its key with another quantity or another card is refused.
    const mutations = (await graph(stack, mutationFieldsQuery, {}, customer)).data!.__type!.fields!;
    const orderArgs = mutations.filter((m) => m.args.some((a) => a.name === 'orderId')).flatMap((m) => m.args.map((a) => `${m.name}(${a.name})`));
    expect(orderArgs.filter((arg) => /quantit|line|paymentmethod/i.test(arg))).toEqual([]);
    expect(mutations.map((m) => m.name).filter((name) => /^(change|update|set|edit).*(quantit|line|paymentmethod)/i.test(name))).toEqual([]);
    const mastercard = await saveCard(customer, 'sandbox_mastercard');
    const moreUnits = await checkout(customer, product.id, 3, visa.id, key);
    expect(moreUnits.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const otherCard = await checkout(customer, product.id, 2, mastercard.id, key);
    expect(otherCard.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await count(stack, 'select count(*) as n from orders.customer_order where customer_id = ?', [customer.id])).toBe(1);

    // The address can change until the shipping date is confirmed (003).
    const moved = await graph(stack, changeAddressMutation, { id, address: { ...parisAddress, line1: '8 rue de Rivoli' } }, customer);
    expect(moved.data?.changeShippingAddress.shippingAddress?.line1, JSON.stringify(moved.errors)).toBe('8 rue de Rivoli');

    // Released: still nothing due under charge at ship (no balance notice); the order waits for its shipping date.
    const released = await release(customer, product.id, id);
    expect(released).toMatchObject({ status: 'SECURED', dues: [], amountPaid: null });

    const confirmed = await graph(stack, confirmShippingDateMutation, { id }, stack.admin);
    expect(confirmed.data?.confirmShippingDate, JSON.stringify(confirmed.errors)).toMatchObject({
      status: 'PAYMENT_DUE',
      shippingDateConfirmedAt: expect.any(String),
    });
    const ready = await until(
      () => orderOf(customer, id),
      (o) => o.status === 'READY_TO_FULFIL',
    );
    // Held on the card, not taken: exactly what the order owes, 24,000 of goods + the 2,000 shipping estimate = 26,000, on
    // the card named at checkout (visa 4242), not the mastercard saved afterwards. Nothing is booked or paid yet.
    expect(ready).toMatchObject({
      lines: [{ quantity: 2 }],
      dues: [{ purpose: 'CHARGE_AT_SHIP', status: 'HELD' }],
      nextPayment: null,
      amountPaid: { amount: 0 },
      amountRefunded: { amount: 0 },
      payments: [{ status: 'REQUIRES_CAPTURE', purpose: 'CHARGE_AT_SHIP', paymentMethod: 'visa 4242', amount: { amount: 26_000 } }],
    });
    expect(await count(stack, 'select count(*) as n from payments.charge where order_id = ?', [id])).toBe(0);
    expect(await heldFor(stack, id)).toEqual({});
    expect(await providerSide(id)).toEqual([{ amount: '26000', status: 'requires_capture' }]);

    // From the shipping-date confirmation the address is fixed, and the order can no longer be cancelled.
    const tooLate = await graph(stack, changeAddressMutation, { id, address: { ...parisAddress, line1: '10 avenue Montaigne' } }, customer);
    expect(tooLate.errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'address-change.until-shipping-date-confirmed' });
    expect((await orderOf(customer, id))!.shippingAddress).toMatchObject({ line1: '8 rue de Rivoli' });
    const quote = (await graph(stack, quoteQuery, { id }, customer)).data!.cancellationQuote;
    expect(quote).toMatchObject({ outcome: 'REFUSED', rule: { id: 'preorder-cancellation.refused-once-shipping-date-confirmed' } });

    // Staff pack the parcel: the carrier charges 1,600 of the 2,000 estimated, so 400 comes off the hold (nothing to
    // refund later); then they hand it over, and the hold is captured: 25,600, earned at once.
    await packAndHandOver(customer, id, { finalCost: 1_600, held: 25_600, trackingNumber: 'YT-3003-0001' });
    const shipped = await until(
      () => orderOf(customer, id),
      (o) => o.status === 'SHIPPED' && o.dues[0]?.status === 'PAID',
    );
    expect(shipped).toMatchObject({
      amountPaid: { amount: 25_600 },
      amountRefunded: { amount: 0 },
      refunds: [],
      payments: [{ status: 'SUCCEEDED', purpose: 'CHARGE_AT_SHIP', paymentMethod: 'visa 4242', amount: { amount: 25_600 } }],
    });
    expect(await providerSide(id)).toEqual([{ amount: '25600', status: 'succeeded' }]);
    expect(await rows(stack, 'select amount, refunded from payments.charge where order_id = ?', [id])).toEqual([{ amount: '25600', refunded: '0' }]);
    await ledgerSettles(stack, id, { PROVIDER_CLEARING: 25_600, REVENUE: 24_000, SHIPPING_REVENUE: 1_600 });
  });

  it('staff cancelling after the shipping date was fixed release the hold on the card: nothing was taken, nothing is refunded', async () => {
    const customer = await stack.newCustomer();
    const { id } = await confirmedOrder(customer, 'sandbox_visa', 7_000);
    await until(
      () => orderOf(customer, id),
      (o) => o.status === 'READY_TO_FULFIL' && o.dues[0]?.status === 'HELD',
    );
    const cancelled = await graph(stack, staffCancelMutation, { id, reason: 'The customer asked by phone; the studio agreed.' }, stack.admin);
    expect(cancelled.data?.cancelOrder, JSON.stringify(cancelled.errors)).toEqual({ status: 'CANCELLED' });
    await until(
      () => providerSide(id),
      (r) => r[0]?.status === 'canceled',
    );
    expect(await orderOf(customer, id)).toMatchObject({
      status: 'CANCELLED',
      dues: [{ purpose: 'CHARGE_AT_SHIP', status: 'VOID' }],
      outcome: { kind: 'CANCELLED', by: 'STAFF', kept: { amount: 0 }, refund: { amount: 0 } },
      amountPaid: { amount: 0 },
      refunds: [],
      payments: [{ status: 'CANCELLED', purpose: 'CHARGE_AT_SHIP', amount: { amount: 8_500 } }],
    });
    expect(await count(stack, 'select count(*) as n from payments.charge where order_id = ?', [id])).toBe(0);
    expect(await heldFor(stack, id)).toEqual({});
  });

  it('anyone reads the policy in force (no version given) or a given version; an unknown version is NOT_FOUND', async () => {
    const inForce = await graph(stack, policyInForceQuery, {});
    expect(inForce.data?.storePolicy, JSON.stringify(inForce.errors)).toEqual({ version: expect.any(Number), policyId: 'charge-at-ship' });
    const given = await graph(stack, policyQuery, { version: inForce.data!.storePolicy.version });
    expect(given.data?.storePolicy).toMatchObject({ ...inForce.data!.storePolicy, document: { paymentPlans: { chargeAtShip: { capture: 'AT_DISPATCH' } } } });
    const unknown = await graph(stack, policyQuery, { version: 9_999 });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('a release-date slip opens no right to cancel (003); a cancellation stays a request for staff', async () => {
    // The preset itself says so: no right on a release-date change.
    expect(cancellationRightOnReleaseDateChange(policy, new Date()).opens).toBe(false);
    const customer = await stack.newCustomer();
    const { id, productId } = await securedOrder(customer, 'sandbox_visa', 9_000);
    const before = (await graph(stack, quoteQuery, { id }, customer)).data!.cancellationQuote;

    const slipped = await graph(stack, releaseDateMutation, { id: productId, estimate: '2027-11' }, stack.admin);
    expect(slipped.errors).toBeUndefined();
    expect(slipped.data!.changeReleaseDate.releaseDateHistory.map((h) => h.newEstimate)).toContain('2027-11');
    // Wait until orders has consumed catalog's ReleaseDateChanged for this product (its inbox row), then look.
    const [changed] = await eventually(() =>
      rows<{ event_id: string }>(stack, `select event_id from catalog.outbox_message where type = 'catalog.product.release-date-changed' and key = ?`, [
        productId,
      ]).then((r) => (r.length > 0 ? r : null)),
    );
    await eventually(async () => (await count(stack, 'select count(*) as n from orders.inbox_processed_event where event_id = ?', [changed!.event_id])) === 1);

    const after = await orderOf(customer, id);
    expect(after).toMatchObject({ status: 'SECURED', cancellationRight: null });
    expect(
      await count(
        stack,
        `select count(*) as n from orders.outbox_message where type = 'orders.order.cancellation-offered' and envelope->'data'->>'orderId' = ?`,
        [id],
      ),
    ).toBe(0);
    // The quote is what it was before the slip: staff decide (003: "cancellations may not be possible depending on the
    // product or the status of your order"), nothing paid, nothing to refund; no release-date right.
    const quote = (await graph(stack, quoteQuery, { id }, customer)).data!.cancellationQuote;
    expect(quote).toEqual(before);
    expect(quote).toMatchObject({ outcome: 'STAFF_REVIEW', paid: { amount: 0 }, refund: { amount: 0 } });
    expect(quote.rule.id).not.toMatch(/release-date/);
    // Asking to cancel records a request for staff; the order stands.
    const asked = await graph(stack, cancelMutation, { id, token: quote.token }, customer);
    expect(asked.data?.cancelOrder, JSON.stringify(asked.errors)).toMatchObject({ status: 'SECURED', cancellationRequestedAt: expect.any(String) });
  });
});

// Runs last: it moves this stack's store clock a week forward.
describe('charge at ship (003): a payment error, the grace week, then cancellation', () => {
  it('the stored card declines: the customer has 7 days to pay; unpaid past them the system cancels, nothing kept, nothing to refund', async () => {
    const customer = await stack.newCustomer();
    const { id } = await confirmedOrder(customer, 'sandbox_declined', 8_000);

    // payments charged the stored card, it declined (PaymentFailed); orders turned the due into one the customer pays.
    const failed = await until(
      () => orderOf(customer, id),
      (o) => o.nextPayment?.lastFailure != null && o.nextPayment.dueAt != null,
    );
    const [event] = await rows<{ failed_at: string }>(
      stack,
      `select envelope->'data'->>'failedAt' as failed_at from payments.outbox_message where type = 'payments.payment.failed' and envelope->'data'->'dues'->0->>'orderId' = ?`,
      [id],
    );
    const grace = chargeAtShipRetryDeadline(policy, new Date(event!.failed_at));
    // 8,000 of goods + 1,500 shipping (FR, one item) = 9,500, nothing taken.
    expect(failed).toMatchObject({
      status: 'PAYMENT_DUE',
      nextPayment: {
        purpose: 'CHARGE_AT_SHIP',
        amount: { amount: 9_500 },
        goods: { amount: 8_000 },
        shipping: { amount: 1_500 },
        status: 'OPEN',
        lastFailure: 'Your card was declined. Please use another card or contact your bank.',
        rule: 'The amount is held on the card the day the shipping date is fixed and taken when the parcel leaves; if the payment fails, pay within 7 days of our email or the order is cancelled.',
      },
      amountPaid: { amount: 0 },
      payments: [{ status: 'FAILED', purpose: 'CHARGE_AT_SHIP', paymentMethod: 'visa 0002', amount: { amount: 9_500 } }],
    });
    // The grace period is the preset's week from the failure (paymentErrorGrace: 7 DAYS): calendar days count to the end of
    // the 7th local day after the failure's, in the store's calendar (defaultRegion JP, Asia/Tokyo).
    const failedAt = new Date(event!.failed_at);
    expect(new Date(failed.nextPayment!.dueAt!)).toEqual(grace.at);
    const tokyoDay = (at: Date) => at.toLocaleDateString('en-CA', { timeZone: 'Asia/Tokyo' });
    const weekOn = new Date(Date.parse(`${tokyoDay(failedAt)}T00:00:00Z`) + 7 * 24 * 3_600_000).toISOString().slice(0, 10);
    expect(tokyoDay(new Date(grace.at.getTime() - 1))).toBe(weekOn);
    expect(tokyoDay(grace.at)).not.toBe(weekOn);
    expect(grace.at.getTime() - failedAt.getTime()).toBeGreaterThanOrEqual(7 * 24 * 3_600_000);
    expect(grace.at.getTime() - failedAt.getTime()).toBeLessThan(8 * 24 * 3_600_000);
    // The customer now pays with a link (payments re-announced the due as theirs) ...
    const payable = await until(
      () => orderOf(customer, id),
      (o) => o.payNowUrl !== null && o.amountDue?.amount === 9_500,
    );
    expect(payable.payNowUrl).toMatch(/\/pay\?t=/);
    // ... and the deadline is armed at exactly that instant.
    const timers = await rows<{ due_at: Date }>(
      stack,
      `select due_at from orders.scheduled_timer where kind = 'payment-deadline' and key = ? and fired_at is null`,
      [failed.nextPayment!.id],
    );
    expect(timers.map((t) => new Date(t.due_at).getTime())).toEqual([grace.at.getTime()]);

    // Six days on, still within the week: still owed, not cancelled.
    const sixDays = await advanceClock(stack, 6 * 24);
    expect(sixDays.getTime()).toBeLessThan(grace.at.getTime());
    expect(await orderOf(customer, id)).toMatchObject({ status: 'PAYMENT_DUE', outcome: null });

    // Past the week, unpaid: cancelled by the system under the policy's rule; nothing was paid, so nothing is kept or refunded.
    await advanceClock(stack, 2 * 24);
    const cancelled = await until(
      () => orderOf(customer, id),
      (o) => o.status === 'CANCELLED',
    );
    expect(cancelled).toMatchObject({
      nextPayment: null,
      dues: [{ purpose: 'CHARGE_AT_SHIP', status: 'VOID' }],
      outcome: {
        kind: 'CANCELLED',
        by: 'SYSTEM',
        reason: 'PAYMENT_NOT_COMPLETED',
        kept: { amount: 0 },
        refund: { amount: 0 },
        rule: { id: 'payment.charge-at-ship-retry' },
      },
      amountPaid: { amount: 0 },
      amountRefunded: { amount: 0 },
      refunds: [],
    });
    // payments closed it too: the due void, no charge, no refund, and paying now is refused.
    await eventually(async () => (await count(stack, `select count(*) as n from payments.payment_due where order_id = ? and state = 'VOID'`, [id])) === 1);
    expect(await count(stack, 'select count(*) as n from payments.charge where order_id = ?', [id])).toBe(0);
    expect(await count(stack, 'select count(*) as n from payments.refund where order_id = ?', [id])).toBe(0);
    const late = await graph(stack, payMutation, { input: { orderIds: [id], paymentMethod: { token: 'sandbox_visa' } }, key: randomUUID() }, customer);
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'ORDER_NOT_PAYABLE' });
  });

  it('a hold that lapsed before dispatch, the card since removed: the order ships, the customer is asked to pay, and past the grace week it stays owed (audited), not cancelled', async () => {
    const customer = await stack.newCustomer();
    const { id, cardId } = await confirmedOrder(customer, 'sandbox_visa', 6_000);
    await until(
      () => orderOf(customer, id),
      (o) => o.status === 'READY_TO_FULFIL' && o.dues[0]?.status === 'HELD',
    );
    expect((await graph(stack, removeCardMutation, { id: cardId }, customer)).data?.removePaymentMethod).toBe(true);
    // The sandbox keeps a hold 7 days on the store clock (SANDBOX_HOLD_DAYS), as card networks do: the parcel leaves after that.
    await advanceClock(stack, 8 * 24);
    await packAndHandOver(customer, id, { finalCost: 1_500, held: 7_500, trackingNumber: 'YT-3003-0002' });

    // The capture is refused (the hold lapsed), the fresh charge has no card: the customer pays within the grace week.
    const owed = await until(
      () => orderOf(customer, id),
      (o) => o.status === 'SHIPPED' && o.nextPayment?.dueAt != null && o.payNowUrl !== null,
    );
    expect(owed).toMatchObject({
      dues: [{ purpose: 'CHARGE_AT_SHIP', status: 'OPEN' }],
      nextPayment: { amount: { amount: 7_500 }, lastFailure: 'There is no saved card to charge for this order. Please pay with a card from your order page.' },
      amountPaid: { amount: 0 },
    });
    expect(await providerSide(id)).toEqual([{ amount: '7500', status: 'canceled' }]);

    // Past the week, still unpaid: a shipped order is not cancelled; it stays owed and staff see it in the audit.
    await advanceClock(stack, 8 * 24);
    await until(
      () => count(stack, `select count(*) as n from orders.audit_entry where subject = ? and action = 'order.payment-overdue-after-shipment'`, [id]),
      (n) => n === 1,
    );
    expect(await orderOf(customer, id)).toMatchObject({ status: 'SHIPPED', outcome: null, dues: [{ status: 'OPEN' }] });

    // The customer pays late: the order's money is whole, and earned.
    const paid = await graph(stack, payMutation, { input: { orderIds: [id], paymentMethod: { token: 'sandbox_visa' } }, key: randomUUID() }, customer);
    expect(paid.data?.pay, JSON.stringify(paid.errors)).toEqual({ status: 'SUCCEEDED' });
    await until(
      () => orderOf(customer, id),
      (o) => o.dues[0]?.status === 'PAID',
    );
    await ledgerSettles(stack, id, { PROVIDER_CLEARING: 7_500, REVENUE: 6_000, SHIPPING_REVENUE: 1_500 });
  });
});
