import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, gql } from '@vitrine/testing';
import { graphql } from './__generated__/index.js';
import type { CreateProductInput, OrderLineInput } from './__generated__/graphql.js';
import type { Identity } from './support/identities.js';
import { count } from './support/sql.js';
import { createProduct, graph, placeOrder, startTestStack, type TestStack } from './support/stack.js';

// Orders decides whether a product can be ordered from its own projections
// (catalog's ProductPublished / ProductStatusChanged, accounts' customer
// regions), all fed over the real Kafka broker: no call between services. Requests go through the gateway.
let stack: TestStack;
let fr: Identity;
let de: Identity;

beforeAll(async () => {
  stack = await startTestStack({ label: 'orderability' });
  [fr, de] = await Promise.all([stack.newCustomer('FR'), stack.newCustomer('DE')]);
  await Promise.all([fr, de].map((c) => regionKnown(c, c === fr ? 'FR' : 'DE')));
});
afterAll(async () => {
  await stack?.stop();
});

const ordersSql = <T = any>(query: string, params: unknown[] = []) => stack.orders.orm.em.fork().getConnection().execute<T[]>(query, params);
const catalogSql = <T = any>(query: string, params: unknown[] = []) => stack.catalog.orm.em.fork().getConnection().execute<T[]>(query, params);

async function regionKnown(customer: Identity, country: string): Promise<void> {
  await eventually(async () => (await ordersSql('select country from orders.customer_region where customer_id = ?', [customer.id]))[0]?.country === country);
  await eventually(async () => (await catalogSql('select country from catalog.customer_region where customer_id = ?', [customer.id]))[0]?.country === country);
}

const place = (who: Identity, lines: OrderLineInput[]) => placeOrder(stack, who, lines, randomUUID());
const ordersOf = (who: Identity) => count(stack, 'select count(*) as n from orders.customer_order where customer_id = ?', [who.id]);
const outboxOf = (who: Identity) =>
  count(stack, "select count(*) as n from orders.outbox_message where type = 'orders.order.placed' and envelope::text like ?", [`%${who.id}%`]);

const saleRulesMutation = graphql(`
  mutation OrderabilitySaleRules($id: ID!, $blocks: [String!]!, $max: Int, $reason: String!) {
    setProductSaleRules(productId: $id, regionBlocks: $blocks, maxQuantityPerOrder: $max, reason: $reason) {
      id
      regionBlocks
      maxQuantityPerOrder
    }
  }
`);
const statusMutation = graphql(`
  mutation OrderabilityStatus($id: ID!, $status: ProductStatus!) {
    changeProductStatus(productId: $id, status: $status, reason: "Per the maker.") {
      status
    }
  }
`);
const orderabilityQuery = graphql(`
  query OrderabilityOfProduct($id: ID!) {
    product(id: $id) {
      regionBlocks
      maxQuantityPerOrder
      orderableInMyRegion
      notOrderableReason
    }
  }
`);
/** A product's orderability as `who` sees it, asked through the gateway. */
const orderability = async (id: string, who?: Identity) => (await graph(stack, orderabilityQuery, { id }, who)).data!.product;

async function createWithRules(input: Pick<CreateProductInput, 'status' | 'regionBlocks' | 'maxQuantityPerOrder'>): Promise<string> {
  const sku = `ORD-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const res = await gql(
    stack.catalog.url,
    graphql(`
      mutation OrderabilityCreate($input: CreateProductInput!) {
        createProduct(input: $input) {
          id
          regionBlocks
          maxQuantityPerOrder
        }
      }
    `),
    { input: { sku, name: `Figure ${sku}`, price: { amount: 1000, currency: 'USD' }, stock: 100, ...input } },
    stack.admin.headers,
  );
  expect(res.errors).toBeUndefined();
  const id = res.data!.createProduct.id;
  await eventually(async () => (await ordersSql('select 1 from orders.known_product where id = ?', [id])).length === 1);
  return id;
}

/** Waits until orders' projection shows what catalog announced. */
const projected = (id: string, expected: Record<string, unknown>) =>
  eventually(async () => {
    const [row] = await ordersSql('select status, region_blocks, max_quantity_per_order from orders.known_product where id = ?', [id]);
    return row && Object.entries(expected).every(([k, v]) => JSON.stringify(row[k]) === JSON.stringify(v));
  });

function problemsOf(res: { data?: any; errors?: readonly any[] }) {
  expect(res.data).toBeNull();
  expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  return ((res.errors![0]!.extensions as any).problems as { field: string; reason: string; message: string }[]).map((p) => [p.field, p.reason]);
}

describe('region blocks', () => {
  it('a product blocked in FR is refused for an FR customer (BLOCKED_IN_REGION), writing nothing, and accepted for a DE customer', async () => {
    const id = await createWithRules({ regionBlocks: ['fr'] });
    await projected(id, { region_blocks: ['FR'] });
    const ordersBefore = await ordersOf(fr);

    const refused = await place(fr, [{ productId: id, quantity: 1 }]);
    expect(problemsOf(refused)).toEqual([['lines.0.productId', 'BLOCKED_IN_REGION']]);
    expect((refused.errors![0]!.extensions as any).problems[0].message).toContain('FR');
    expect(await ordersOf(fr)).toBe(ordersBefore);
    expect(await outboxOf(fr)).toBe(0);

    const accepted = await place(de, [{ productId: id, quantity: 1 }]);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.placeOrder.status).toBe('PENDING');
  });

  it('catalog tells each signed-in customer whether they can order it, and why not', async () => {
    const id = await createWithRules({ regionBlocks: ['FR'] });
    expect(await orderability(id, fr)).toEqual({
      regionBlocks: ['FR'],
      maxQuantityPerOrder: null,
      orderableInMyRegion: false,
      notOrderableReason: expect.stringContaining('FR'),
    });
    expect(await orderability(id, de)).toMatchObject({
      orderableInMyRegion: true,
      notOrderableReason: null,
    });
    expect(await orderability(id)).toMatchObject({ orderableInMyRegion: null, notOrderableReason: null });
  });

  it('staff block a product afterwards with setProductSaleRules (audited, re-published); a customer who moves is judged by the new country', async () => {
    const product = await createProduct(stack, 10);
    const mover = await stack.newCustomer('DE');
    await regionKnown(mover, 'DE');

    const set = await graph(
      stack,
      saleRulesMutation,
      { id: product.id, blocks: ['DE', 'IT'], max: null, reason: 'Licence not cleared in DE and IT.' },
      stack.admin,
    );
    expect(set.errors).toBeUndefined();
    expect(set.data!.setProductSaleRules).toEqual({ id: product.id, regionBlocks: ['DE', 'IT'], maxQuantityPerOrder: null });
    expect(
      await catalogSql("select actor, details from catalog.audit_entry where subject = ? and action = 'product.sale-rules-changed'", [product.id]),
    ).toEqual([
      {
        actor: stack.admin.id,
        details: {
          from: { regionBlocks: [], maxQuantityPerOrder: null, maxQuantityPerCustomer: null },
          to: { regionBlocks: ['DE', 'IT'], maxQuantityPerOrder: null, maxQuantityPerCustomer: null },
          reason: 'Licence not cleared in DE and IT.',
        },
      },
    ]);
    await projected(product.id, { region_blocks: ['DE', 'IT'] });
    expect(problemsOf(await place(mover, [{ productId: product.id, quantity: 1 }]))).toEqual([['lines.0.productId', 'BLOCKED_IN_REGION']]);

    const moved = await graph(
      stack,
      graphql(`
        mutation OrderabilityMove($country: String!) {
          changeRegion(country: $country) {
            country
          }
        }
      `),
      { country: 'AT' },
      mover,
    );
    expect(moved.errors).toBeUndefined();
    await regionKnown(mover, 'AT');
    expect((await place(mover, [{ productId: product.id, quantity: 1 }])).errors).toBeUndefined();
  });

  it('refuses invalid sale rules with every problem at once, writing nothing', async () => {
    const product = await createProduct(stack, 10);
    const res = await graph(stack, saleRulesMutation, { id: product.id, blocks: ['FR', 'ZZ'], max: 0, reason: ' ' }, stack.admin);
    expect(problemsOf(res)).toEqual([
      ['regionBlocks.1', 'UNKNOWN_COUNTRY'],
      ['maxQuantityPerOrder', 'OUT_OF_RANGE'],
      ['reason', 'REQUIRED'],
    ]);
    expect(await catalogSql('select region_blocks, max_quantity_per_order from catalog.product where id = ?', [product.id])).toEqual([
      { region_blocks: [], max_quantity_per_order: null },
    ]);
    expect(
      await catalogSql("select count(*)::int as n from catalog.audit_entry where subject = ? and action = 'product.sale-rules-changed'", [product.id]),
    ).toEqual([{ n: 0 }]);
  });

  it('only staff with catalog:write may set sale rules', async () => {
    const product = await createProduct(stack, 10);
    const res = await graph(stack, saleRulesMutation, { id: product.id, blocks: ['FR'], max: null, reason: 'Mine now.' }, de);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('product status', () => {
  it('a DISCONTINUED product is refused with NOT_ORDERABLE, writing nothing', async () => {
    const product = await createProduct(stack, 10);
    expect((await graph(stack, statusMutation, { id: product.id, status: 'DISCONTINUED' }, stack.admin)).errors).toBeUndefined();
    await projected(product.id, { status: 'DISCONTINUED' });
    const before = await ordersOf(de);
    expect(problemsOf(await place(de, [{ productId: product.id, quantity: 1 }]))).toEqual([['lines.0.productId', 'NOT_ORDERABLE']]);
    expect(await ordersOf(de)).toBe(before);
    expect(await orderability(product.id, de)).toMatchObject({
      orderableInMyRegion: false,
      notOrderableReason: 'This product is no longer sold.',
    });
  });

  it('an ANNOUNCED product is refused until its preorder opens', async () => {
    const id = await createWithRules({ status: 'ANNOUNCED' });
    await projected(id, { status: 'ANNOUNCED' });
    expect(problemsOf(await place(de, [{ productId: id, quantity: 1 }]))).toEqual([['lines.0.productId', 'NOT_ORDERABLE']]);

    expect((await graph(stack, statusMutation, { id, status: 'PREORDER' }, stack.admin)).errors).toBeUndefined();
    await projected(id, { status: 'PREORDER' });
    expect((await place(de, [{ productId: id, quantity: 1 }])).errors).toBeUndefined();
  });
});

describe('per-order limit', () => {
  it('a limit of 2 refuses 3 (also split over two lines), writing nothing, and accepts 2', async () => {
    const id = await createWithRules({ maxQuantityPerOrder: 2 });
    await projected(id, { max_quantity_per_order: 2 });
    const buyer = await stack.newCustomer('DE');
    await regionKnown(buyer, 'DE');

    expect(problemsOf(await place(buyer, [{ productId: id, quantity: 3 }]))).toEqual([['lines.0.quantity', 'OVER_PRODUCT_LIMIT']]);
    expect(
      problemsOf(
        await place(buyer, [
          { productId: id, quantity: 2 },
          { productId: id, quantity: 1 },
        ]),
      ),
    ).toEqual([
      ['lines.0.quantity', 'OVER_PRODUCT_LIMIT'],
      ['lines.1.quantity', 'OVER_PRODUCT_LIMIT'],
    ]);
    expect(await ordersOf(buyer)).toBe(0);
    expect(await outboxOf(buyer)).toBe(0);

    const accepted = await place(buyer, [
      { productId: id, quantity: 1 },
      { productId: id, quantity: 1 },
    ]);
    expect(accepted.errors).toBeUndefined();
    expect(await ordersOf(buyer)).toBe(1);
  });

  it('staff can lift the limit; orders applies it to later orders', async () => {
    const id = await createWithRules({ maxQuantityPerOrder: 1 });
    await projected(id, { max_quantity_per_order: 1 });
    expect(problemsOf(await place(de, [{ productId: id, quantity: 2 }]))).toEqual([['lines.0.quantity', 'OVER_PRODUCT_LIMIT']]);
    expect((await graph(stack, saleRulesMutation, { id, blocks: [], max: null, reason: 'Run extended.' }, stack.admin)).errors).toBeUndefined();
    await projected(id, { max_quantity_per_order: null });
    expect((await place(de, [{ productId: id, quantity: 2 }])).errors).toBeUndefined();
  });
});
