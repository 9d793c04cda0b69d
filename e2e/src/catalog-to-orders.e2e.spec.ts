import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topics } from '@vitrine/contracts';
import { eventually, gql, listenToTopic, type TopicListener } from '@vitrine/testing';
import { graphql } from './__generated__/index.js';
import { createProduct, startTestStack, type TestStack } from './support/stack.js';

// What staff change in catalog (through the gateway) reaches orders over the real broker:
// orders' projection follows the re-published product, and events orders has no use for pass it by.
// (Catalog's side of each change is in services/catalog/src/integration.)
let stack: TestStack;
let listener: TopicListener;

beforeAll(async () => {
  stack = await startTestStack({ label: 'catalog_to_orders' });
  listener = await listenToTopic(stack, topics.catalogProduct);
});
afterAll(async () => {
  await listener?.stop();
  await stack?.stop();
});

const ordersSql = <T = any>(query: string, params: unknown[] = []) => stack.orders.orm.em.fork().getConnection().execute<T[]>(query, params);

describe('catalog to orders', () => {
  it("a price change is re-published and orders' projection takes the new price", async () => {
    const { id } = await createProduct(stack, 5, 45900);
    const res = await gql(
      stack.gatewayUrl,
      graphql(`
        mutation CatalogToOrdersReprice($id: ID!, $price: MoneyInput!, $reason: String!) {
          changeProductPrice(productId: $id, price: $price, reason: $reason) {
            id
            price {
              amount
            }
          }
        }
      `),
      { id, price: { amount: 41900, currency: 'USD' }, reason: 'Summer sale.' },
      stack.admin.headers,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.changeProductPrice.price.amount).toBe(41900);
    await eventually(async () => (await ordersSql('select price_amount from orders.known_product where id = ?', [id]))[0]?.price_amount === 41900);
  });

  it('orders reads the new events on the shared topic without parking any', async () => {
    const { id } = await createProduct(stack, 0, 59900, { status: 'ANNOUNCED' });
    const setRelease = await gql(
      stack.gatewayUrl,
      graphql(`
        mutation CatalogToOrdersRelease($id: ID!) {
          changeReleaseDate(productId: $id, estimate: "2027-09", reason: "First estimate.") {
            releaseEstimate
          }
        }
      `),
      { id },
      stack.admin.headers,
    );
    expect(setRelease.errors).toBeUndefined();
    // Orders has no handler for release-date changes, so it skips them without an inbox row. A status
    // change of the same product, which it does record, follows them on the same partition (the key is
    // the product id): once orders' inbox has it, orders has read past the release-date change.
    const setStatus = await gql(
      stack.gatewayUrl,
      graphql(`
        mutation CatalogToOrdersStatus($id: ID!) {
          changeProductStatus(productId: $id, status: PREORDER, reason: "Per the maker.") {
            status
          }
        }
      `),
      { id },
      stack.admin.headers,
    );
    expect(setStatus.errors).toBeUndefined();
    const envelopeOf = (type: string) => eventually(() => listener.received.find((e) => e.subject === id && e.type === type));
    expect(await envelopeOf('catalog.product.release-date-changed')).toBeDefined();
    const statusChanged = await envelopeOf('catalog.product.status-changed');
    await eventually(
      async () => (await ordersSql('select count(*)::int as n from orders.inbox_processed_event where event_id = ?', [statusChanged.id]))[0].n === 1,
    );
    expect(await ordersSql('select count(*)::int as n from orders.inbox_dead_letter')).toEqual([{ n: 0 }]);
  });
});
