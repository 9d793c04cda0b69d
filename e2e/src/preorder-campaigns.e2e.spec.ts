import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topics } from '@vitrine/contracts';
import { eventually, gql, listenToTopic, type TopicListener } from '@vitrine/testing';
import { graphql } from './__generated__/index.js';
import type { ChangePreorderTermsInput, OpenPreorderInput } from './__generated__/graphql.js';
import { graph, orderQuery, placeOrder, startTestStack, type TestStack } from './support/stack.js';

// Limited runs that customers' preorders fill: catalog holds the pool, orders
// learns the window is open through events, and every request goes through the
// gateway. (Opening, scheduling, changing and closing windows in catalog alone:
// services/catalog/src/integration/preorder-campaigns.int.spec.ts.)
let stack: TestStack;
let listener: TopicListener;

beforeAll(async () => {
  stack = await startTestStack({ label: 'preorder_campaigns', env: { catalog: { TIMER_POLL_MS: '100' } } });
  listener = await listenToTopic(stack, topics.catalogProduct);
});
afterAll(async () => {
  await listener?.stop();
  await stack?.stop();
});

const openMutation = graphql(`
  mutation PreorderRunOpen($id: ID!, $input: OpenPreorderInput!) {
    openPreorderCampaign(productId: $id, input: $input) {
      state
    }
  }
`);
const changeMutation = graphql(`
  mutation PreorderRunChange($id: ID!, $input: ChangePreorderTermsInput!, $reason: String!) {
    changePreorderTerms(productId: $id, input: $input, reason: $reason) {
      state
      limitedQuantity
      closeReason
    }
  }
`);
const productQuery = graphql(`
  query PreorderRunProduct($id: ID!) {
    product(id: $id) {
      status
      availableQuantity
      preorderCampaign {
        state
        closeReason
        limitedQuantity
      }
    }
  }
`);

const open = (id: string, input: OpenPreorderInput) => graph(stack, openMutation, { id, input }, stack.admin);
const change = (id: string, input: ChangePreorderTermsInput, reason: string) => graph(stack, changeMutation, { id, input, reason }, stack.admin);
const product = async (id: string) => (await graph(stack, productQuery, { id })).data!.product!;
const available = async (id: string) => (await product(id)).availableQuantity;
const eventsOf = (productId: string, type: string) => listener.received.filter((e) => e.subject === productId && e.type === type).map((e) => e.data);
const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();

/** An announced product, made by staff straight on catalog (set-up). */
async function announcedProduct(): Promise<string> {
  const sku = `PRE-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const res = await gql(
    stack.catalog.url,
    graphql(`
      mutation PreorderRunCreateAnnounced($input: CreateProductInput!) {
        createProduct(input: $input) {
          id
        }
      }
    `),
    { input: { sku, name: `Statue ${sku}`, price: { amount: 89900, currency: 'USD' }, stock: 0, status: 'ANNOUNCED' } },
    stack.admin.headers,
  );
  expect(res.errors).toBeUndefined();
  return res.data!.createProduct.id;
}

describe('a limited run', () => {
  const preorder = async (id: string, quantity: number) => {
    const placed = await placeOrder(stack, stack.customer, [{ productId: id, quantity }], randomUUID());
    if (placed.errors) return `refused: ${placed.errors[0]?.extensions?.code}`;
    const orderId = placed.data!.placeOrder.id;
    await eventually(async () => (await graph(stack, orderQuery, { id: orderId }, stack.customer)).data!.order.status !== 'PENDING');
    return (await graph(stack, orderQuery, { id: orderId }, stack.customer)).data!.order.status;
  };

  it('the pool follows the limited quantity, never below what customers hold, and selling out closes the window', async () => {
    const id = await announcedProduct();
    await open(id, { limitedQuantity: 3, closesAt: inSeconds(3600) });
    expect(await available(id)).toBe(3);
    // Orders learns the product is on preorder through events.
    await eventually(async () => (await preorder(id, 2)) === 'AWAITING_PAYMENT', { timeoutMs: 20_000 });
    expect(await available(id)).toBe(1);

    expect((await change(id, { limitedQuantity: 1 }, 'Factory cut the run.')).errors?.[0]?.extensions).toMatchObject({
      code: 'POLICY_VIOLATION',
      rule: 'PREORDER_LIMIT_BELOW_RESERVED',
    });
    expect(await available(id)).toBe(1);
    expect((await change(id, { limitedQuantity: 5 }, 'The studio made more.')).errors).toBeUndefined();
    expect(await available(id)).toBe(3);

    expect(await preorder(id, 3)).toBe('AWAITING_PAYMENT');
    expect(await product(id)).toMatchObject({ status: 'PREORDER_CLOSED', preorderCampaign: { state: 'CLOSED', closeReason: 'SOLD_OUT', limitedQuantity: 5 } });
    await eventually(async () => eventsOf(id, 'catalog.product.preorder-closed').length === 1);
    expect(eventsOf(id, 'catalog.product.preorder-closed')[0]).toMatchObject({ reason: 'SOLD_OUT' });
  });
});

describe('a run that partly arrived', () => {
  it('resizing counts the units already delivered: the run never drops below what customers hold or received', async () => {
    const id = await announcedProduct();
    await open(id, { limitedQuantity: 10 });
    await eventually(
      async () => {
        const placed = await placeOrder(stack, stack.customer, [{ productId: id, quantity: 4 }], randomUUID());
        return !placed.errors;
      },
      { timeoutMs: 20_000 },
    );
    await eventually(async () => (await available(id)) === 6);
    const arrived = await graph(
      stack,
      graphql(`
        mutation PreorderRunArrived($p: ID!, $w: ID!) {
          arrivedAtWarehouse(productId: $p, warehouseId: $w, quantity: 3) {
            movedFromPreorders
            surplus
          }
        }
      `),
      { p: id, w: stack.warehouses.france },
      stack.admin,
    );
    expect(arrived.data!.arrivedAtWarehouse).toEqual({ movedFromPreorders: 3, surplus: 0 });
    expect(await available(id)).toBe(6);

    expect((await change(id, { limitedQuantity: 12 }, 'The studio made more.')).errors).toBeUndefined();
    expect(await available(id)).toBe(8);
    // 3 delivered + 1 still to come are held by the customer: 4 is the smallest run.
    expect((await change(id, { limitedQuantity: 3 }, 'Factory cut the run.')).errors?.[0]?.extensions).toMatchObject({
      code: 'POLICY_VIOLATION',
      rule: 'PREORDER_LIMIT_BELOW_RESERVED',
    });
    const cut = await change(id, { limitedQuantity: 4 }, 'Factory cut the run.');
    expect(cut.errors).toBeUndefined();
    // Cut to exactly what customers hold: sold out, so the window closes.
    expect(cut.data!.changePreorderTerms).toMatchObject({ state: 'CLOSED', closeReason: 'SOLD_OUT', limitedQuantity: 4 });
    expect(await available(id)).toBe(0);
  });

  it('a product created as a limited run takes limitedQuantity; the deprecated preorderLimit still does, and both at once are refused', async () => {
    const create = (extra: object) =>
      gql(
        stack.catalog.url,
        `mutation($input: CreateProductInput!) { createProduct(input: $input) { id availableQuantity preorderCampaign { state limitedQuantity } } }`,
        { input: { sku: `RUN-${randomUUID().slice(0, 8)}`, name: 'Limited run', price: { amount: 19900, currency: 'EUR' }, status: 'PREORDER', ...extra } },
        stack.admin.headers,
      );
    const limited = await create({ limitedQuantity: 50 });
    expect(limited.data.createProduct).toMatchObject({ availableQuantity: 50, preorderCampaign: { state: 'OPEN', limitedQuantity: 50 } });
    const deprecated = await create({ preorderLimit: 40 });
    expect(deprecated.data.createProduct).toMatchObject({ availableQuantity: 40, preorderCampaign: { state: 'OPEN', limitedQuantity: 40 } });
    expect((await create({ preorderLimit: -1 })).errors?.[0]?.extensions?.problems).toMatchObject([{ field: 'preorderLimit', reason: 'OUT_OF_RANGE' }]);
    expect((await create({ limitedQuantity: 40, preorderLimit: 40 })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ field: 'preorderLimit', reason: 'ONE_OF' }],
    });
  });
});
