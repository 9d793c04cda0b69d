import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { gql } from '@vitrine/testing';
import { graphql } from '../__generated__/index.js';
import type { CatalogQueriesListQueryVariables, ProductSort } from '../__generated__/graphql.js';
import { bootCatalog, type CatalogHarness } from './harness.js';

// Issue 4: products(filter, sort, first, after) with keyset cursors per sort, product(id | sku),
// and a listing whose SQL cost does not grow with the number of products listed.
let catalog: CatalogHarness;
const run = randomUUID().slice(0, 8).toUpperCase();
const studios: string[] = [];
const base = Date.parse('2026-01-01T00:00:00.000Z');

const sql = <T = any>(query: string, params: unknown[] = []) => catalog.sql<T>(query, params);

/** Products inserted directly (ms-precise created_at, distinct per product), each with two release-date changes. */
async function insertProducts(prefix: string, count: number, offsetMs: number, studioIds: string[]): Promise<void> {
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    const sku = `${prefix}-${String(i).padStart(3, '0')}`;
    const name = `${['Zeta', 'Alpha', 'Mira', 'Kai'][i % 4]} Figure ${prefix.toLowerCase()} ${i}`;
    const status = ['IN_STOCK', 'PREORDER', 'ANNOUNCED'][i % 3];
    await sql(
      `insert into catalog.product (id, sku, name, price_amount, price_currency, status, studio_id, region_blocks, created_at, updated_at)
       values (?, ?, ?, ?, 'USD', ?, ?, ?, ?, ?)`,
      [
        id,
        sku,
        name,
        1000 + ((i * 37) % 10) * 500,
        status,
        studioIds.length ? studioIds[i % studioIds.length] : null,
        i % 5 === 0 ? '{US}' : '{}',
        new Date(base + offsetMs + i),
        new Date(base + offsetMs + i),
      ],
    );
    for (const [n, estimate] of ['2026-06', '2026-09'].entries()) {
      await sql(
        `insert into catalog.release_date_change (id, product_id, old_estimate, new_estimate, reason, changed_by, changed_at) values (?, ?, ?, ?, 'factory', ?, ?)`,
        [randomUUID(), id, n === 0 ? null : '2026-06', estimate, catalog.admin.id, new Date(base + n)],
      );
    }
  }
}

beforeAll(async () => {
  catalog = await bootCatalog('catalog-queries');
  for (const name of ['North', 'South', 'East']) {
    const res = await gql(
      catalog.url,
      graphql(`
        mutation CatalogQueriesCreateStudio($input: CreateStudioInput!) {
          createStudio(input: $input) {
            id
          }
        }
      `),
      {
        input: { name: `${name} ${run}`, country: 'JP', contactEmail: `${name.toLowerCase()}@studio.example` },
      },
      catalog.admin.headers,
    );
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    studios.push(res.data!.createStudio.id);
  }
  await insertProducts(`Q${run}`, 12, 0, studios);
  await insertProducts(`C${run}`, 50, 10_000, studios);
});
afterAll(async () => {
  await catalog?.stop();
});

const listQuery = graphql(`
  query CatalogQueriesList($filter: ProductFilter, $sort: ProductSort, $first: Int, $after: String) {
    products(filter: $filter, sort: $sort, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          sku
          name
          status
          price {
            amount
          }
          createdAt
          studio {
            id
          }
        }
      }
    }
  }
`);
const list = (variables: CatalogQueriesListQueryVariables) => gql(catalog.url, listQuery, variables);
type Listed = NonNullable<Awaited<ReturnType<typeof list>>['data']>['products']['edges'][number]['node'];

/** Walks every page of a listing, two products at a time. */
async function walk(filter: CatalogQueriesListQueryVariables['filter'], sort: ProductSort): Promise<Listed[]> {
  const seen: Listed[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 50; guard++) {
    const res = await list({ filter, sort, first: 5, after });
    expect(res.errors).toBeUndefined();
    const { products } = res.data!;
    seen.push(...products.edges.map((e) => e.node));
    // Counted in each page's own statement: the whole filtered set, whichever page.
    expect(products.totalCount).toBe(12);
    if (!products.pageInfo.hasNextPage) return seen;
    after = products.pageInfo.endCursor;
  }
  throw new Error('too many pages');
}

describe('catalog queries', () => {
  it('pages through every sort with keyset cursors: no product skipped or repeated, in the requested order', async () => {
    const filter = { text: `q${run}` };
    const all = await walk(filter, 'OLDEST');
    expect(all).toHaveLength(12);
    // Past the last page: no row carries the count, which is still the filtered set's.
    const lastPage = await list({ filter, sort: 'OLDEST', first: 12 });
    const beyond = await list({ filter, sort: 'OLDEST', first: 5, after: lastPage.data!.products.pageInfo.endCursor });
    expect(beyond.data!.products.edges).toEqual([]);
    expect(beyond.data!.products.totalCount).toBe(12);
    const bySku = (a: Listed, b: Listed) => (a.sku < b.sku ? -1 : 1);
    const ordered: Record<ProductSort, Listed[]> = {
      OLDEST: [...all].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt)),
      NEWEST: [...all].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt)),
      PRICE_ASC: [...all].sort((a, b) => a.price.amount - b.price.amount || 0),
      PRICE_DESC: [...all].sort((a, b) => b.price.amount - a.price.amount || 0),
      NAME: [...all].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    };
    for (const [sort, expected] of Object.entries(ordered) as [ProductSort, Listed[]][]) {
      const got = await walk(filter, sort);
      expect(new Set(got.map((p) => p.sku)).size, sort).toBe(12);
      expect([...got].sort(bySku), sort).toEqual([...all].sort(bySku));
      if (sort.startsWith('PRICE'))
        expect(
          got.map((p) => p.price.amount),
          sort,
        ).toEqual(expected.map((p) => p.price.amount));
      else
        expect(
          got.map((p) => p.sku),
          sort,
        ).toEqual(expected.map((p) => p.sku));
    }
  });

  it('filters by status, studio, text (case- and accent-insensitive, name or SKU) and price; totalCount counts the filtered set', async () => {
    const text = `q${run}`;
    const preorders = await list({ filter: { text, status: ['PREORDER', 'ANNOUNCED'] }, first: 50 });
    expect(preorders.errors).toBeUndefined();
    expect(preorders.data!.products.totalCount).toBe(8);
    expect(preorders.data!.products.edges.every((e) => ['PREORDER', 'ANNOUNCED'].includes(e.node.status))).toBe(true);

    const ofStudio = await list({ filter: { text, studioId: studios[0] }, first: 50 });
    expect(ofStudio.data!.products.totalCount).toBe(4);
    expect(ofStudio.data!.products.edges.every((e) => e.node.studio!.id === studios[0])).toBe(true);

    const byName = await list({ filter: { text: `ALPHA FIGURE Q${run}` }, first: 50 });
    expect(byName.data!.products.edges.map((e) => e.node.sku)).toEqual([`Q${run}-001`, `Q${run}-005`, `Q${run}-009`]);
    const bySku = await list({ filter: { text: `  q${run}-01` }, first: 50 });
    expect(bySku.data!.products.edges.map((e) => e.node.sku)).toEqual([`Q${run}-010`, `Q${run}-011`]);
    // Accents are ignored both ways (issue #17): "Lumiere" finds "Lumière", "ZÉTA" finds "Zeta".
    await sql(`update catalog.product set name = ? where sku = ?`, [`Lumière Figure q${run}`, `Q${run}-002`]);
    const unaccented = await list({ filter: { text: `LUMIERE FIGURE Q${run}` }, first: 50 });
    expect(unaccented.data!.products.edges.map((e) => e.node.sku)).toEqual([`Q${run}-002`]);
    expect((await list({ filter: { text: `lumière figure q${run}` }, first: 50 })).data!.products.totalCount).toBe(1);
    expect((await list({ filter: { text: `ZÉTA FIGURE Q${run}` }, first: 50 })).data!.products.totalCount).toBe(3);
    const wildcard = await list({ filter: { text: `q${run}%` }, first: 50 });
    expect(wildcard.data!.products.totalCount).toBe(0);

    const priced = await list({ filter: { text, priceRange: { min: 2000, max: 3500 } }, sort: 'PRICE_ASC', first: 50 });
    const amounts = priced.data!.products.edges.map((e) => e.node.price.amount);
    expect(amounts.length).toBe(priced.data!.products.totalCount);
    expect(amounts.length).toBeGreaterThan(0);
    expect(amounts.every((a) => a >= 2000 && a <= 3500)).toBe(true);
  });

  it('refuses bad input with every problem, and cursors from another sort or filter', async () => {
    const bad = await list({ filter: { priceRange: { min: -5, max: -1 }, studioId: 'nope' } });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.extensions?.problems.map((p: any) => [p.field, p.reason])).toEqual([
      ['filter.studioId', 'MALFORMED_ID'],
      ['filter.priceRange.min', 'OUT_OF_RANGE'],
      ['filter.priceRange.max', 'OUT_OF_RANGE'],
    ]);
    const inverted = await list({ filter: { priceRange: { min: 5000, max: 100 } } });
    expect(inverted.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(inverted.errors?.[0]?.extensions?.problems.map((p: any) => p.reason)).toEqual(['MIN_ABOVE_MAX']);

    const page = await list({ filter: { text: `q${run}` }, sort: 'PRICE_ASC', first: 2 });
    const cursor = page.data!.products.pageInfo.endCursor;
    expect((await list({ filter: { text: `q${run}` }, sort: 'PRICE_ASC', first: 2, after: cursor })).errors).toBeUndefined();
    const foreignCursors: CatalogQueriesListQueryVariables[] = [
      { filter: { text: `q${run}` }, sort: 'NAME', after: cursor },
      { filter: { text: `q${run}` }, sort: 'PRICE_DESC', after: cursor },
      { filter: { text: `q${run}`, status: ['PREORDER'] }, sort: 'PRICE_ASC', after: cursor },
      { sort: 'PRICE_ASC', after: cursor },
      { filter: { text: `q${run}` }, sort: 'PRICE_ASC', after: 'garbage' },
    ];
    for (const variables of foreignCursors) {
      const res = await list(variables);
      expect(res.errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.extensions?.problems[0].reason).toBe('INVALID_CURSOR');
    }
    // @ts-expect-error: a sort the schema does not have, which the server must refuse too.
    const wrongEnum = await list({ sort: 'CHEAPEST' });
    expect(wrongEnum.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('product(sku) finds the product (exact SKU), null otherwise; id and sku are one or the other', async () => {
    const query = graphql(`
      query CatalogQueriesProduct($sku: String, $id: ID) {
        product(sku: $sku, id: $id) {
          id
          sku
          studio {
            id
          }
          releaseDateHistory {
            newEstimate
          }
        }
      }
    `);
    const found = await gql(catalog.url, query, { sku: `Q${run}-003` });
    expect(found.data!.product).toEqual({
      id: expect.any(String),
      sku: `Q${run}-003`,
      studio: { id: studios[0] },
      releaseDateHistory: [{ newEstimate: '2026-06' }, { newEstimate: '2026-09' }],
    });
    const id = found.data!.product!.id;
    expect((await gql(catalog.url, query, { id })).data!.product!.sku).toBe(`Q${run}-003`);
    expect((await gql(catalog.url, query, { sku: `NOPE-${run}` })).data!.product).toBeNull();
    expect((await gql(catalog.url, query, { sku: `Q${run}-003`, id })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ field: 'sku', reason: 'ONE_OF' }],
    });
    expect((await gql(catalog.url, query, {})).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ field: 'id', reason: 'REQUIRED' }],
    });
  });

  it('query cost: listing with studio, release and spec histories, stock and orderability issues the same few SQL statements for 10 or 50 products', async () => {
    // Every statement on the request ORM goes through its logger's logQuery (whatever the debug setting);
    // background work (relay, consumers) runs on workerOrm, so only this request is counted.
    const logger = catalog.service.orm.config.getLogger();
    const customerPage = graphql(`
      query CatalogQueriesCostPage($filter: ProductFilter, $first: Int) {
        products(filter: $filter, first: $first, sort: NEWEST) {
          totalCount
          edges {
            node {
              id
              sku
              availableQuantity
              status
              studio {
                id
                name
                country
              }
              releaseDateHistory {
                oldEstimate
                newEstimate
                changedAt
              }
              specChanges {
                reason
              }
              parts {
                name
              }
              downPayment {
                required
              }
              preorderCampaign {
                state
              }
              orderableInMyRegion
              notOrderableReason
            }
          }
        }
      }
    `);
    // The same page, with the per-warehouse levels only staff may read.
    const staffPage = graphql(`
      query CatalogQueriesCostPageForStaff($filter: ProductFilter, $first: Int) {
        products(filter: $filter, first: $first, sort: NEWEST) {
          totalCount
          edges {
            node {
              id
              sku
              availableQuantity
              status
              studio {
                id
                name
                country
              }
              releaseDateHistory {
                oldEstimate
                newEstimate
                changedAt
              }
              specChanges {
                reason
              }
              parts {
                name
              }
              downPayment {
                required
              }
              preorderCampaign {
                state
              }
              orderableInMyRegion
              notOrderableReason
              stockLevels {
                warehouse {
                  code
                }
                onHand
                reserved
                available
              }
            }
          }
        }
      }
    `);
    const statementsFor = async (first: number, who = catalog.customer, page: typeof customerPage | typeof staffPage = customerPage) => {
      const spy = vi.spyOn(logger, 'logQuery');
      try {
        const res = await gql(catalog.url, page, { filter: { text: `c${run}` }, first }, who.headers);
        expect(res.errors).toBeUndefined();
        const { edges } = res.data!.products;
        expect(edges).toHaveLength(first);
        expect(edges.every((e) => e.node.studio && e.node.releaseDateHistory.length === 2 && e.node.orderableInMyRegion !== null)).toBe(true);
        // Inserted without stock rows: open-ended preorders (null), nothing to sell otherwise.
        expect(edges.every((e) => e.node.availableQuantity === (e.node.status === 'PREORDER' ? null : 0))).toBe(true);
        return spy.mock.calls.map(([context]) => context.query ?? '');
      } finally {
        spy.mockRestore();
      }
    };
    const ten = await statementsFor(10);
    const fifty = await statementsFor(50);
    // page of products with its count, studios, release-date history, spec changes, preorder windows, the caller's
    // region, and stock (warehouse rows and preorder pools together): one each.
    expect(fifty, fifty.join('\n')).toHaveLength(ten.length);
    expect(fifty.length).toBe(7);
    expect(fifty.filter((q) => q.includes('from catalog.product p') && q.includes('as total_count'))).toHaveLength(1);
    for (const table of [
      'catalog.product p',
      '"studio"',
      '"release_date_change"',
      '"spec_change"',
      '"preorder_campaign"',
      '"customer_region"',
      'warehouse_stock',
      'preorder_allocation',
    ]) {
      expect(fifty.filter((q) => q.includes(table) && q.trimStart().startsWith('select')).length, table).toBeGreaterThanOrEqual(1);
    }
    // Staff asking for the per-warehouse levels too: the same statements (one loader serves both fields).
    const staff = await statementsFor(50, catalog.admin, staffPage);
    expect(staff, staff.join('\n')).toHaveLength(7);
  });
});
