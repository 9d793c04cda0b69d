import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eventually, gql } from '@vitrine/testing';
import { graphql } from '../__generated__/index.js';
import type { ReadCachesListQueryVariables } from '../__generated__/graphql.js';
import { startReadCaches } from '../start-read-caches.js';
import { bootCatalog, createProduct, type CatalogHarness } from './harness.js';

// A listing page, or a product asked by id, is answered again from the process's cache until a change to a listing's
// tables is heard: from this process's own commits at once, from any other connection (another process, a replica)
// by its notification.
let catalog: CatalogHarness;
// Another connection to the database, as another catalog process or replica would write.
let elsewhere: pg.Client;
const run = `lc${randomUUID().slice(0, 8)}`;
// Long enough that anything seen here within it came from a notification or a commit, not from the TTL running out.
const ttlMs = 60_000;

beforeAll(async () => {
  catalog = await bootCatalog('read_caches', { LISTING_CACHE_TTL_MS: String(ttlMs) });
  elsewhere = new pg.Client({ connectionString: catalog.databaseUrl });
  await elsewhere.connect();
  for (let i = 0; i < 3; i++) await createProduct(catalog, 5, 1000 + i, { name: `Cached ${run} ${i}`, regionBlocks: i === 0 ? ['FR'] : [] });
  // The cache listens from the first listing asked, and keeps nothing until it does: a page of its own (first: 1,
  // which no test lists) until it is answered without a statement.
  const warmUp = { filter: { text: run }, first: 1 };
  await eventually(async () => {
    await list(warmUp);
    return (await statementsDuring(() => list(warmUp))).length === 0;
  });
}, 120_000);
afterAll(async () => {
  await elsewhere?.end();
  await catalog?.stop();
});

const listQuery = graphql(`
  query ReadCachesList($filter: ProductFilter, $first: Int) {
    products(filter: $filter, first: $first) {
      totalCount
      edges {
        node {
          sku
          name
          availableQuantity
          price {
            amount
          }
        }
      }
    }
  }
`);

const productQuery = graphql(`
  query ReadCachesProduct($id: ID!) {
    product(id: $id) {
      sku
      name
      price {
        amount
      }
    }
  }
`);

const list = (variables: ReadCachesListQueryVariables = { filter: { text: run }, first: 10 }, headers?: Record<string, string>) =>
  gql(catalog.url, listQuery, variables, headers);

/** The statements the request ORM runs meanwhile (background work runs on the worker ORM). */
async function statementsDuring(action: () => Promise<unknown>): Promise<string[]> {
  const spy = vi.spyOn(catalog.service.orm.config.getLogger(), 'logQuery');
  try {
    await action();
    return spy.mock.calls.map(([context]) => context.query ?? '');
  } finally {
    spy.mockRestore();
  }
}

const names = async (variables?: ReadCachesListQueryVariables, headers?: Record<string, string>) => {
  const res = await list(variables, headers);
  expect(res.errors).toBeUndefined();
  return res.data!.products.edges.map((e) => e.node.name);
};

describe('the listing cache', () => {
  it('answers the same listing again without the database, and the same answer', async () => {
    let first: Awaited<ReturnType<typeof list>> | undefined;
    const read = await statementsDuring(async () => (first = await list()));
    expect(read.some((q) => q.includes('from catalog.product p'))).toBe(true);
    expect(read.some((q) => q.includes('warehouse_stock'))).toBe(true);
    let again: Awaited<ReturnType<typeof list>> | undefined;
    const reread = await statementsDuring(async () => (again = await list()));
    expect(reread).toEqual([]);
    expect(again!.data).toEqual(first!.data);
    expect(first!.data!.products.totalCount).toBe(3);
    // Another page size is another page: read.
    const other = await statementsDuring(() => list({ filter: { text: run }, first: 2 }));
    expect(other.some((q) => q.includes('from catalog.product p'))).toBe(true);
  });

  it("shows this process's own change on the next request", async () => {
    await list();
    const added = await createProduct(catalog, 1, 999, { name: `Cached ${run} added` });
    const res = await list();
    expect(res.data!.products.totalCount).toBe(4);
    expect(res.data!.products.edges.map((e) => e.node.sku)).toContain(added.sku);
  });

  it("shows another connection's change once its notification arrives, long before the TTL", async () => {
    expect(await names()).toContain(`Cached ${run} 1`);
    await elsewhere.query(`update catalog.product set name = $1 where name = $2`, [`Renamed ${run} 1`, `Cached ${run} 1`]);
    await eventually(async () => (await names()).includes(`Renamed ${run} 1`), { timeoutMs: 10_000, intervalMs: 20 });

    const before = await list();
    const renamed = before.data!.products.edges.map((e) => e.node).find((n) => n.name === `Renamed ${run} 1`);
    expect(renamed?.availableQuantity).toBe(5);
    const { sku, availableQuantity } = renamed!;
    await elsewhere.query(`update catalog.warehouse_stock set on_hand = on_hand + 7 where product_id = (select id from catalog.product where sku = $1)`, [sku]);
    await eventually(async () => (await list()).data!.products.edges.find((e) => e.node.sku === sku)?.node.availableQuantity === availableQuantity! + 7, {
      timeoutMs: 10_000,
      intervalMs: 20,
    });
  });

  it('keeps a page per region for availableInMyRegion, and still refuses it anonymously', async () => {
    const inFrance = catalog.customer;
    const inSpain = await catalog.newCustomer('ES');
    const regional = { filter: { text: run, availableInMyRegion: true }, first: 10 };
    expect(await names(regional, inFrance.headers)).not.toContain(`Cached ${run} 0`);
    expect(await names(regional, inSpain.headers)).toContain(`Cached ${run} 0`);
    expect(await names(regional, inFrance.headers)).not.toContain(`Cached ${run} 0`);
    for (let i = 0; i < 2; i++) {
      const anonymous = await list(regional);
      expect(anonymous.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('counts across pages once per kept page, whoever asks', async () => {
    await list({ filter: { text: run, priceRange: { max: 100_000 } }, first: 10 });
    const counted = await statementsDuring(() => list({ filter: { text: run, priceRange: { max: 100_000 } }, first: 10 }));
    expect(counted.filter((q) => q.includes('count('))).toEqual([]);
  });

  it('answers a product asked by id again without the database, until another connection changes it', async () => {
    const product = await createProduct(catalog, 2, 4321, { name: `By id ${run}` });
    const ask = () => gql(catalog.url, productQuery, { id: product.id });
    expect((await ask()).data!.product?.name).toBe(`By id ${run}`);
    const again = await statementsDuring(async () => expect((await ask()).data!.product?.price.amount).toBe(4321));
    expect(again).toEqual([]);
    await elsewhere.query(`update catalog.product set price_amount = 4000 where id = $1`, [product.id]);
    await eventually(async () => (await ask()).data!.product?.price.amount === 4000, { timeoutMs: 10_000, intervalMs: 20 });
    // An id that is no product is asked again every time (a product may be created under it).
    const unknown = '00000000-0000-4000-8000-000000000000';
    await gql(catalog.url, productQuery, { id: unknown });
    const missing = await statementsDuring(() => gql(catalog.url, productQuery, { id: unknown }));
    expect(missing.some((q) => q.includes('"product"'))).toBe(true);
  });

  it("forgets its pages as soon as a request's transaction commits, not for the worker pool's", async () => {
    const { service } = catalog;
    const { value: caches, release } = await startReadCaches({ ...service, environment: { LISTING_CACHE_TTL_MS: String(ttlMs) } });
    const cache = caches?.pages;
    try {
      const keep = () =>
        cache!.keep('page', cache!.beginRead(), {
          items: [],
          hasNextPage: false,
          countTotal: async () => 0,
          stock: new Map(),
          studios: new Map(),
          campaigns: new Map(),
        });
      // It listens from the first listing asked.
      await eventually(() => cache!.beginRead() !== undefined, { intervalMs: 10 });
      keep();
      // Touching no listing table: nothing will notify, so only the commit itself can have emptied it.
      await service.workerOrm.em.fork().transactional((em) => em.execute('select 1'));
      expect(cache!.lookup('page')).toBeDefined();
      await service.orm.em.fork().transactional((em) => em.execute('select 1'));
      expect(cache!.lookup('page')).toBeUndefined();
      keep();
      expect(cache!.lookup('page')).toBeDefined();
    } finally {
      await release();
    }
  });
});
