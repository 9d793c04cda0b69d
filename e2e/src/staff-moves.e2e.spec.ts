import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './__generated__/index.js';
import { paidInStockOrder } from './support/fulfilment-steps.js';
import { createProduct, graph, type TestStack } from './support/stack.js';
import { parisAddress, startStoreStack, until } from './support/store-scenario.js';

// The back office offers only what the API would accept: orders lists the
// steps staff may take on an order now (Order.staffSteps), catalog the
// statuses a product may move to (Product.allowedStatusMoves), each from the
// rule its mutations enforce. Read through the gateway as staff, a listed move
// is taken and an unlisted one refused; customers cannot read either list.
let stack: TestStack;

beforeAll(async () => {
  stack = await startStoreStack('staff-moves', 'deposit-store');
});
afterAll(async () => {
  await stack?.stop();
});

const cost = { price: 10_000, shipping: 1_500 };

const productMovesQuery = graphql(`
  query StaffMovesProduct($id: ID!) {
    product(id: $id) {
      status
      allowedStatusMoves
    }
  }
`);
const productStatusMutation = graphql(`
  mutation StaffMovesProductStatus($id: ID!, $status: ProductStatus!) {
    changeProductStatus(productId: $id, status: $status, reason: "The maker's decision.") {
      status
    }
  }
`);
const orderStepsQuery = graphql(`
  query StaffMovesOrder($id: ID!) {
    order(id: $id) {
      status
      staffSteps
    }
  }
`);
const checkoutMutation = graphql(`
  mutation StaffMovesCheckout($input: CheckoutInput!, $key: String!) {
    checkout(input: $input, idempotencyKey: $key) {
      id
      status
    }
  }
`);
const confirmDateMutation = graphql(`
  mutation StaffMovesConfirmDate($id: ID!) {
    confirmShippingDate(orderId: $id) {
      status
    }
  }
`);
const startMutation = graphql(`
  mutation StaffMovesStart($id: ID!) {
    startFulfilment(orderId: $id) {
      status
    }
  }
`);
const shipMutation = graphql(`
  mutation StaffMovesShip($id: ID!) {
    markOrderShipped(orderId: $id, trackingNumber: "6A99887766554") {
      status
    }
  }
`);
const deliverMutation = graphql(`
  mutation StaffMovesDeliver($id: ID!) {
    markOrderDelivered(orderId: $id) {
      status
    }
  }
`);
const staffCancelMutation = graphql(`
  mutation StaffMovesCancel($id: ID!) {
    cancelOrder(id: $id, reason: "The customer asked by phone.") {
      status
    }
  }
`);

const movesOf = async (id: string) => (await graph(stack, productMovesQuery, { id }, stack.admin)).data?.product;
const stepsOf = async (id: string) => {
  const res = await graph(stack, orderStepsQuery, { id }, stack.admin);
  expect(res.errors).toBeUndefined();
  return res.data!.order;
};
const rule = (res: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions;

describe('Product.allowedStatusMoves', () => {
  it("lists the moves catalog's status table allows from the product's status: a listed one is made, another refused, none once discontinued", async () => {
    const product = await createProduct(stack, 3, cost.price);
    expect(await movesOf(product.id)).toEqual({ status: 'IN_STOCK', allowedStatusMoves: ['CHINA_STOCK', 'SOLD_OUT', 'DISCONTINUED'] });

    const soldOut = await graph(stack, productStatusMutation, { id: product.id, status: 'SOLD_OUT' }, stack.admin);
    expect(soldOut.data?.changeProductStatus.status, JSON.stringify(soldOut.errors)).toBe('SOLD_OUT');
    expect(await movesOf(product.id)).toEqual({ status: 'SOLD_OUT', allowedStatusMoves: ['IN_STOCK', 'CHINA_STOCK', 'DISCONTINUED'] });

    // Not listed: the mutation refuses it and nothing moves.
    const preorder = await graph(stack, productStatusMutation, { id: product.id, status: 'PREORDER' }, stack.admin);
    expect(rule(preorder)).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'PRODUCT_STATUS_TRANSITION' });
    expect((await movesOf(product.id))?.status).toBe('SOLD_OUT');

    await graph(stack, productStatusMutation, { id: product.id, status: 'DISCONTINUED' }, stack.admin);
    expect(await movesOf(product.id)).toEqual({ status: 'DISCONTINUED', allowedStatusMoves: [] });
  });

  it('is refused to a customer', async () => {
    const customer = await stack.newCustomer();
    const product = await createProduct(stack, 1, cost.price);
    const res = await graph(stack, productMovesQuery, { id: product.id }, customer);
    expect(rule(res)?.code).toBe('FORBIDDEN');
    expect(res.errors?.[0]?.path).toEqual(['product', 'allowedStatusMoves']);
  });
});

describe('Order.staffSteps', () => {
  it('a paid order: each listed step taken in turn, the next list read back, an unlisted step refused on the way; nothing left once delivered', async () => {
    const customer = await stack.newCustomer();
    const product = await createProduct(stack, 3, cost.price);
    const { id } = await paidInStockOrder(stack, customer, product.id, cost);
    expect(await stepsOf(id)).toEqual({ status: 'READY_TO_FULFIL', staffSteps: ['CONFIRM_SHIPPING_DATE', 'START_FULFILMENT', 'MARK_SHIPPED', 'CANCEL'] });

    // Not listed: delivering an order that has not shipped.
    expect(rule(await graph(stack, deliverMutation, { id }, stack.admin))).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'ORDER_STATUS_TRANSITION' });

    expect((await graph(stack, confirmDateMutation, { id }, stack.admin)).data?.confirmShippingDate.status).toBe('READY_TO_FULFIL');
    expect(await stepsOf(id)).toEqual({ status: 'READY_TO_FULFIL', staffSteps: ['START_FULFILMENT', 'MARK_SHIPPED', 'CANCEL'] });

    expect((await graph(stack, startMutation, { id }, stack.admin)).data?.startFulfilment.status).toBe('IN_FULFILMENT');
    expect(await stepsOf(id)).toEqual({ status: 'IN_FULFILMENT', staffSteps: ['MARK_SHIPPED', 'CANCEL'] });

    expect((await graph(stack, shipMutation, { id }, stack.admin)).data?.markOrderShipped.status).toBe('SHIPPED');
    expect(await stepsOf(id)).toEqual({ status: 'SHIPPED', staffSteps: ['MARK_DELIVERED'] });
    // Not listed any more: a shipped order is not cancelled.
    expect(rule(await graph(stack, staffCancelMutation, { id }, stack.admin))).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'ORDER_SHIPPED' });

    expect((await graph(stack, deliverMutation, { id }, stack.admin)).data?.markOrderDelivered.status).toBe('DELIVERED');
    expect(await stepsOf(id)).toEqual({ status: 'DELIVERED', staffSteps: [] });
  });

  it('an order waiting for its payment can only be cancelled; once cancelled, nothing; its customer cannot read the list', async () => {
    const customer = await stack.newCustomer();
    const product = await createProduct(stack, 3, cost.price);
    const placed = await graph(
      stack,
      checkoutMutation,
      { input: { lines: [{ productId: product.id, quantity: 1 }], shippingAddress: parisAddress, shippingMethod: 'STANDARD' }, key: randomUUID() },
      customer,
    );
    expect(placed.errors).toBeUndefined();
    const id = placed.data!.checkout[0]!.id;
    await until(
      () => stepsOf(id),
      (o) => o.status === 'AWAITING_PAYMENT',
    );
    expect(await stepsOf(id)).toEqual({ status: 'AWAITING_PAYMENT', staffSteps: ['CANCEL'] });
    expect(rule(await graph(stack, startMutation, { id }, stack.admin))).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'ORDER_STATUS_TRANSITION' });

    const own = await graph(stack, orderStepsQuery, { id }, customer);
    expect(rule(own)?.code).toBe('FORBIDDEN');
    expect(own.errors?.[0]?.path).toEqual(['order', 'staffSteps']);

    expect((await graph(stack, staffCancelMutation, { id }, stack.admin)).data?.cancelOrder.status).toBe('CANCELLED');
    expect(await stepsOf(id)).toEqual({ status: 'CANCELLED', staffSteps: [] });
    expect(rule(await graph(stack, staffCancelMutation, { id }, stack.admin))).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'ORDER_ENDED' });
  });
});
