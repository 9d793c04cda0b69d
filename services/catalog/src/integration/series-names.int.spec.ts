import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from '@vitrine/testing';
import { graphql } from '../__generated__/index.js';
import { bootCatalog, type CatalogHarness } from './harness.js';

// seriesNames: the choices of the storefront's series filter, each of which the products filter then finds.
let catalog: CatalogHarness;

const seriesNamesQuery = graphql(`
  query SeriesNames {
    seriesNames
  }
`);

const bySeries = graphql(`
  query SeriesNamesProducts($series: String!) {
    products(filter: { series: $series }, first: 50) {
      edges {
        node {
          sku
        }
      }
    }
  }
`);

async function insertProduct(sku: string, series: string | null): Promise<void> {
  await catalog.sql(
    `insert into catalog.product (id, sku, name, price_amount, price_currency, status, region_blocks, series, created_at, updated_at)
     values (?, ?, ?, 1000, 'USD', 'IN_STOCK', '{}', ?, now(), now())`,
    [randomUUID(), sku, `Figure ${sku}`, series],
  );
}

beforeAll(async () => {
  catalog = await bootCatalog('series-names');
  await insertProduct('S-1', 'Demon Slayer');
  await insertProduct('S-2', 'demon slayer');
  await insertProduct('S-3', 'Attack on Titan');
  await insertProduct('S-4', null);
  await insertProduct('S-5', '');
});

afterAll(async () => {
  await catalog?.stop();
});

describe('seriesNames', () => {
  it('lists each series once whatever its capitalisation, alphabetically, without the products that have none', async () => {
    const res = await gql(catalog.url, seriesNamesQuery, {});
    expect(res.errors).toBeUndefined();
    expect(res.data!.seriesNames.map((s) => s.toLowerCase())).toEqual(['attack on titan', 'demon slayer']);
  });

  it('gives names the products filter finds, every spelling of the series included', async () => {
    const names = (await gql(catalog.url, seriesNamesQuery, {})).data!.seriesNames;
    const found = await Promise.all(
      names.map(async (series) => (await gql(catalog.url, bySeries, { series })).data!.products.edges.map((e) => e.node.sku).sort()),
    );
    expect(found).toEqual([['S-3'], ['S-1', 'S-2']]);
  });
});
