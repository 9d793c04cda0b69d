import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preferenceReturnDeadline, presets } from '@vitrine/policy';
import { gql, type TestIdentity } from '@vitrine/testing';
import { graphql } from '../__generated__/index.js';
import { submittedClaim } from './claim-steps.js';
import { bootAftersales, type AftersalesHarness } from './harness.js';

// Returns for preference (000): asked within the order policy's window, inspected on arrival, refunded less the restocking fee.
let aftersales: AftersalesHarness;
let customer: TestIdentity;

beforeAll(async () => {
  aftersales = await bootAftersales('returns');
  customer = await aftersales.tokens.customer();
}, 600_000);
afterAll(async () => {
  await aftersales?.stop();
});

const requestReturn = graphql(`
  mutation ReturnsRequest($input: RequestReturnInput!) {
    requestReturn(input: $input) {
      id
      status
      quotedRefund {
        amount
        currency
      }
      restockingFee {
        amount
      }
      shippingRefund {
        amount
      }
      returnPostage
      rule {
        id
      }
    }
  }
`);
const receiveReturn = graphql(`
  mutation ReturnsReceive($returnId: ID!, $input: ReceiveReturnInput!) {
    receiveReturn(returnId: $returnId, input: $input) {
      status
      condition
      refund {
        amount
      }
      inspectionRule {
        id
      }
    }
  }
`);
const readReturn = graphql(`
  query ReturnsRead($id: ID!) {
    preferenceReturn(id: $id) {
      status
    }
  }
`);

const day = 86_400_000;
/** The line a return asks for (the harness also gives the order's other lines). */
const lineOf = (o: { orderId: string; productId: string }) => ({ orderId: o.orderId, productId: o.productId });
const eventData = async (orderId: string, type: string) =>
  (
    await aftersales.sql<{ data: Record<string, unknown> }>(
      "select envelope->'data' as data from aftersales.outbox_message where key = ? and type = ? order by seq",
      [orderId, type],
    )
  ).map((e) => e.data);
const codeOf = (res: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions;
const returnsOf = (orderId: string) => aftersales.sql('select status from aftersales.preference_return where order_id = ?', [orderId]);

describe('a return for preference under deposit-store (000)', () => {
  it('within 7 days: accepted with its quote; on arrival, perfect and unused, refunded the price less 30% (ReturnReceived)', async () => {
    const order = lineOf(
      await aftersales.deliveredOrder(customer, { deliveredAt: new Date(Date.now() - 3 * day), policy: 'deposit-store', unitPrice: 10_000 }),
    );
    const asked = await gql(aftersales.url, requestReturn, { input: { ...order, reason: 'Not the pose I expected.' } }, customer.headers);
    expect(asked.data?.requestReturn, JSON.stringify(asked.errors)).toMatchObject({
      status: 'REQUESTED',
      quotedRefund: { amount: 7_000, currency: 'USD' },
      restockingFee: { amount: 3_000 },
      returnPostage: 'CUSTOMER',
      rule: { id: 'returns.within-window' },
    });
    const returnId = asked.data!.requestReturn.id;
    // ReturnRequested tells the customer (notifications) and partners what comes next; the customer's reason stays here.
    expect(await eventData(order.orderId, 'aftersales.return.requested')).toEqual([
      {
        returnId,
        orderId: order.orderId,
        customerId: customer.id,
        productId: order.productId,
        quotedRefund: { amount: 7_000, currency: 'USD' },
        restockingFee: { amount: 3_000, currency: 'USD' },
        shippingRefund: { amount: 0, currency: 'USD' },
        returnPostage: 'CUSTOMER',
        rule: expect.objectContaining({ id: 'returns.within-window' }),
        requestedAt: expect.any(String),
      },
    ]);
    // Asking again answers the first request, and announces nothing more; someone else sees nothing.
    expect((await gql(aftersales.url, requestReturn, { input: order }, customer.headers)).data?.requestReturn.id).toBe(returnId);
    expect(await eventData(order.orderId, 'aftersales.return.requested')).toHaveLength(1);
    const stranger = await aftersales.tokens.customer();
    expect(codeOf(await gql(aftersales.url, readReturn, { id: returnId }, stranger.headers))?.code).toBe('NOT_FOUND');
    expect(codeOf(await gql(aftersales.url, requestReturn, { input: order }, stranger.headers))?.code).toBe('NOT_FOUND');
    // Only staff record the arrival.
    expect(codeOf(await gql(aftersales.url, receiveReturn, { returnId, input: { condition: 'PERFECT_UNUSED' } }, customer.headers))?.code).toBe('FORBIDDEN');

    const received = await gql(aftersales.url, receiveReturn, { returnId, input: { condition: 'PERFECT_UNUSED' } }, aftersales.staff.headers);
    expect(received.data?.receiveReturn, JSON.stringify(received.errors)).toEqual({
      status: 'REFUNDED',
      condition: 'PERFECT_UNUSED',
      refund: { amount: 7_000 },
      inspectionRule: { id: 'returns.within-window' },
    });
    const [event] = await aftersales.sql<{ data: Record<string, unknown> }>(
      "select envelope->'data' as data from aftersales.outbox_message where key = ? and type = 'aftersales.return.received'",
      [order.orderId],
    );
    expect(event!.data).toMatchObject({ returnId, accepted: true, refund: { amount: 7_000, currency: 'USD' }, restockingFee: { amount: 3_000 } });
    expect(await aftersales.sql('select action, actor from aftersales.audit_entry where subject = ? order by at', [returnId])).toEqual([
      { action: 'return.requested', actor: customer.id },
      { action: 'return.received', actor: aftersales.staff.id },
    ]);
    // Inspected once.
    expect(codeOf(await gql(aftersales.url, receiveReturn, { returnId, input: { condition: 'PERFECT_UNUSED' } }, aftersales.staff.headers))).toMatchObject({
      code: 'POLICY_VIOLATION',
      rule: 'RETURN_STATUS_TRANSITION',
    });
  });

  it('an item that comes back used refunds nothing, naming the rule', async () => {
    const order = lineOf(await aftersales.deliveredOrder(customer, { deliveredAt: new Date(Date.now() - day), policy: 'deposit-store' }));
    const returnId = (await gql(aftersales.url, requestReturn, { input: order }, customer.headers)).data!.requestReturn.id;
    const received = await gql(
      aftersales.url,
      receiveReturn,
      { returnId, input: { condition: 'USED_OR_DAMAGED', note: 'Base scuffed.' } },
      aftersales.staff.headers,
    );
    expect(received.data?.receiveReturn).toEqual({
      status: 'REJECTED',
      condition: 'USED_OR_DAMAGED',
      refund: { amount: 0 },
      inspectionRule: { id: 'returns.not-in-original-condition' },
    });
  });

  it('after the 7 days: refused, naming the rule, nothing saved', async () => {
    const order = lineOf(await aftersales.deliveredOrder(customer, { deliveredAt: new Date(Date.now() - 8 * day), policy: 'deposit-store' }));
    const late = await gql(aftersales.url, requestReturn, { input: order }, customer.headers);
    expect(codeOf(late)).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'returns.window-closed' });
    expect(late.errors?.[0]?.message).toContain('7 days');
    // The policy's sentence in each language it words it in, for a storefront to show the refusal in its own.
    expect(late.errors?.[0]?.extensions?.ruleTexts).toEqual({
      en: 'The return window of 7 days after delivery has closed.',
      fr: 'Le délai de retour de 7 jours après la livraison est écoulé.',
    });
    expect(await returnsOf(order.orderId)).toEqual([]);
    expect(await eventData(order.orderId, 'aftersales.return.requested')).toEqual([]);
  });
});

describe('a store that refunds shipping with a return (shippingRefunded)', () => {
  it("quotes and refunds the line's share of the order's shipping on top of the price less 30%; deposit-store keeps it", async () => {
    // Two lines, 300.00 and 100.00, 20.01 of shipping: the first line's share is 15.01 (the odd cent to the larger remainder).
    const options = { deliveredAt: new Date(Date.now() - day), unitPrice: 30_000, otherLines: [10_000], shippingPaid: 2_001 };
    const order = lineOf(await aftersales.deliveredOrder(customer, { ...options, policy: 'deposit-store-refunding-shipping' }));
    const asked = await gql(aftersales.url, requestReturn, { input: order }, customer.headers);
    expect(asked.data?.requestReturn, JSON.stringify(asked.errors)).toMatchObject({
      quotedRefund: { amount: 21_000 + 1_501 },
      restockingFee: { amount: 9_000 },
      shippingRefund: { amount: 1_501 },
    });
    const returnId = asked.data!.requestReturn.id;
    const received = await gql(aftersales.url, receiveReturn, { returnId, input: { condition: 'PERFECT_UNUSED' } }, aftersales.staff.headers);
    expect(received.data?.receiveReturn, JSON.stringify(received.errors)).toMatchObject({ status: 'REFUNDED', refund: { amount: 22_501 } });
    expect(await eventData(order.orderId, 'aftersales.return.received')).toEqual([
      expect.objectContaining({ refund: { amount: 22_501, currency: 'USD' }, shippingRefund: { amount: 1_501, currency: 'USD' }, claimId: null }),
    ]);

    const kept = lineOf(await aftersales.deliveredOrder(customer, { ...options, policy: 'deposit-store' }));
    expect((await gql(aftersales.url, requestReturn, { input: kept }, customer.headers)).data?.requestReturn).toMatchObject({
      quotedRefund: { amount: 21_000 },
      shippingRefund: { amount: 0 },
    });
  });
});

describe('a store that takes no returns for preference (statue-store)', () => {
  it('refuses at once, naming the rule, nothing saved', async () => {
    const order = lineOf(await aftersales.deliveredOrder(customer, { deliveredAt: new Date(), policy: 'statue-store' }));
    expect(codeOf(await gql(aftersales.url, requestReturn, { input: order }, customer.headers))).toMatchObject({
      code: 'POLICY_VIOLATION',
      rule: 'returns.no-preference-returns',
    });
    expect(await returnsOf(order.orderId)).toEqual([]);
  });
});

const returnOffer = graphql(`
  query ReturnsOffer($orderId: ID!, $productId: ID!) {
    returnOffer(orderId: $orderId, productId: $productId) {
      orderId
      productId
      open
      returnableUntil
      returnableLastDay
      refund {
        amount
        currency
      }
      restockingFee {
        amount
      }
      shippingRefund {
        amount
      }
      returnPostage
      rule {
        id
        text
      }
      returnId
    }
  }
`);
const returnOfferRuleFr = graphql(`
  query ReturnsOfferRuleFr($orderId: ID!, $productId: ID!) {
    returnOffer(orderId: $orderId, productId: $productId) {
      rule {
        id
        text(language: FR)
        english: text
      }
    }
  }
`);
const returnOffers = graphql(`
  query ReturnsOffers($orderId: ID!) {
    returnOffers(orderId: $orderId) {
      productId
      open
      returnableUntil
      refund {
        amount
      }
      returnId
    }
  }
`);
const decideClaim = graphql(`
  mutation ReturnsDecideClaim($claimId: ID!, $input: DecideClaimInput!) {
    decideClaim(claimId: $claimId, input: $input) {
      status
    }
  }
`);
const chooseResolution = graphql(`
  mutation ReturnsChooseResolution($claimId: ID!, $resolution: ClaimResolution!) {
    chooseClaimResolution(claimId: $claimId, resolution: $resolution) {
      status
      refund {
        amount
      }
    }
  }
`);

/** Until when deposit-store takes back an order delivered at `deliveredAt`: the policy's own deadline. */
const windowEnd = (deliveredAt: Date) => preferenceReturnDeadline(presets['deposit-store'], deliveredAt)!;

describe('the return offer: until when and on what terms, before asking', () => {
  it('within the window: open until the policy’s deadline with exactly the terms requestReturn then accepts; once asked, nothing more is offered', async () => {
    const deliveredAt = new Date(Date.now() - 3 * day);
    const delivered = await aftersales.deliveredOrder(customer, { deliveredAt, policy: 'deposit-store', unitPrice: 10_000, otherLines: [5_000] });
    const order = lineOf(delivered);
    const deadline = windowEnd(deliveredAt);
    const offered = await gql(aftersales.url, returnOffer, order, customer.headers);
    expect(offered.data?.returnOffer, JSON.stringify(offered.errors)).toEqual({
      ...order,
      open: true,
      returnableUntil: deadline.at.toISOString(),
      returnableLastDay: deadline.lastDay,
      refund: { amount: 7_000, currency: 'USD' },
      restockingFee: { amount: 3_000 },
      shippingRefund: { amount: 0 },
      returnPostage: 'CUSTOMER',
      rule: {
        id: 'returns.within-window',
        text: 'Returns are accepted within 7 days of delivery, in perfect unused original condition; return shipping is paid by the customer, shipping costs are not refunded, and a restocking fee of 30% of the total price is deducted.',
      },
      returnId: null,
    });
    // Staff with aftersales:decide read any order's offer; the order's lines in one request.
    expect((await gql(aftersales.url, returnOffer, order, aftersales.staff.headers)).data?.returnOffer).toEqual(offered.data?.returnOffer);
    const both = (await gql(aftersales.url, returnOffers, { orderId: order.orderId }, customer.headers)).data?.returnOffers;
    expect(both?.map((o) => o.productId).sort()).toEqual([order.productId, ...delivered.otherProductIds].sort());
    expect(both?.find((o) => o.productId === order.productId)).toMatchObject({ open: true, refund: { amount: 7_000 } });
    expect(both?.find((o) => o.productId !== order.productId)).toMatchObject({ open: true, refund: { amount: 3_500 } });

    // Someone else's order: NOT_FOUND, as every read of an order; a product not in it: BAD_USER_INPUT.
    const stranger = await aftersales.tokens.customer();
    expect(codeOf(await gql(aftersales.url, returnOffer, order, stranger.headers))?.code).toBe('NOT_FOUND');
    expect(codeOf(await gql(aftersales.url, returnOffers, { orderId: order.orderId }, stranger.headers))?.code).toBe('NOT_FOUND');
    expect(codeOf(await gql(aftersales.url, returnOffer, { ...order, productId: delivered.orderId }, customer.headers))).toMatchObject({
      code: 'BAD_USER_INPUT',
    });

    const asked = await gql(aftersales.url, requestReturn, { input: order }, customer.headers);
    expect(asked.data?.requestReturn, JSON.stringify(asked.errors)).toMatchObject({
      quotedRefund: offered.data!.returnOffer.refund,
      restockingFee: offered.data!.returnOffer.restockingFee,
      shippingRefund: offered.data!.returnOffer.shippingRefund,
      returnPostage: offered.data!.returnOffer.returnPostage,
      rule: { id: offered.data!.returnOffer.rule.id },
    });
    expect((await gql(aftersales.url, returnOffer, order, customer.headers)).data?.returnOffer).toMatchObject({
      open: false,
      returnableUntil: deadline.at.toISOString(),
      refund: null,
      returnId: asked.data!.requestReturn.id,
    });
  });

  it('after the window: closed since the deadline, naming the rule, no terms; requestReturn refuses by the same rule', async () => {
    const deliveredAt = new Date(Date.now() - 8 * day);
    const order = lineOf(await aftersales.deliveredOrder(customer, { deliveredAt, policy: 'deposit-store' }));
    const deadline = windowEnd(deliveredAt);
    expect(deadline.at.getTime()).toBeLessThan(Date.now());
    const offered = await gql(aftersales.url, returnOffer, order, customer.headers);
    expect(offered.data?.returnOffer, JSON.stringify(offered.errors)).toEqual({
      ...order,
      open: false,
      returnableUntil: deadline.at.toISOString(),
      returnableLastDay: deadline.lastDay,
      refund: null,
      restockingFee: null,
      shippingRefund: null,
      returnPostage: null,
      rule: { id: 'returns.window-closed', text: 'The return window of 7 days after delivery has closed.' },
      returnId: null,
    });
    expect(codeOf(await gql(aftersales.url, requestReturn, { input: order }, customer.headers))).toMatchObject({ rule: 'returns.window-closed' });
    // The same rule in French (ClaimRule.text(language: FR)): the order's policy version words it; English stays the default.
    const fr = await gql(aftersales.url, returnOfferRuleFr, order, customer.headers);
    expect(fr.data?.returnOffer.rule, JSON.stringify(fr.errors)).toEqual({
      id: 'returns.window-closed',
      text: 'Le délai de retour de 7 jours après la livraison est écoulé.',
      english: 'The return window of 7 days after delivery has closed.',
    });
  });

  it('a policy without returns for preference (statue-store): no deadline, its rule', async () => {
    const order = lineOf(await aftersales.deliveredOrder(customer, { deliveredAt: new Date(), policy: 'statue-store' }));
    expect((await gql(aftersales.url, returnOffer, order, customer.headers)).data?.returnOffer).toMatchObject({
      open: false,
      returnableUntil: null,
      returnableLastDay: null,
      refund: null,
      rule: { id: 'returns.no-preference-returns', text: 'We do not accept returns or refunds for preference or convenience.' },
    });
  });

  it('a line a claim partly refunded: the offer gives what is left of it, as requestReturn then quotes', async () => {
    // A $20.00 line: 30% off leaves $14.00, but the claim's partial refund took more than $6.00 of it.
    const { claimId, orderId, productId } = await submittedClaim(aftersales, customer, { deliveredAt: new Date(), policy: 'deposit-store', unitPrice: 2_000 });
    const decided = await gql(aftersales.url, decideClaim, { claimId, input: { grades: [{}], resolutions: ['PARTIAL_REFUND'] } }, aftersales.staff.headers);
    expect(decided.data?.decideClaim.status, JSON.stringify(decided.errors)).toBe('DECIDED');
    const chosen = await gql(aftersales.url, chooseResolution, { claimId, resolution: 'PARTIAL_REFUND' }, customer.headers);
    const claimRefund = chosen.data!.chooseClaimResolution.refund!.amount;
    const left = 2_000 - claimRefund;
    expect(left).toBeLessThan(1_400);

    const offered = (await gql(aftersales.url, returnOffer, { orderId, productId }, customer.headers)).data?.returnOffer;
    expect(offered).toMatchObject({ open: true, refund: { amount: left }, restockingFee: { amount: 600 }, rule: { id: 'returns.within-window' } });
    const asked = await gql(aftersales.url, requestReturn, { input: { orderId, productId } }, customer.headers);
    expect(asked.data?.requestReturn.quotedRefund, JSON.stringify(asked.errors)).toEqual({ amount: left, currency: 'USD' });
  });
});
