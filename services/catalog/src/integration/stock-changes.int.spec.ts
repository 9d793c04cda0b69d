import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, type TypedDocumentNode } from '@vitrine/testing';
import { graphql } from '../__generated__/index.js';
import { bootCatalog, createProduct, createWarehouseMutation, stockOf, type CatalogHarness } from './harness.js';

// Staff stock changes catalog refuses before anything is written. (The ledger with
// orders reserving, releasing and committing units: e2e/src/stock-ledger.e2e.spec.ts.)
let catalog: CatalogHarness;

beforeAll(async () => {
  catalog = await bootCatalog('stock_changes');
});
afterAll(async () => {
  await catalog?.stop();
});

const staff = <TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables) =>
  gql(catalog.url, document, variables, catalog.admin.headers);
const count = async (query: string, params: unknown[] = []) => Number((await catalog.sql<{ n: string }>(query, params))[0]!.n);
const receive = (productId: string, warehouseId: string, quantity: number) =>
  staff(
    graphql(`
      mutation StockChangesReceive($p: ID!, $w: ID!, $q: Int!) {
        receiveStock(productId: $p, warehouseId: $w, quantity: $q) {
          id
        }
      }
    `),
    { p: productId, w: warehouseId, q: quantity },
  );
const adjust = (productId: string, warehouseId: string, delta: number, reason: string) =>
  staff(
    graphql(`
      mutation StockChangesAdjust($p: ID!, $w: ID!, $d: Int!, $r: String!) {
        adjustStock(productId: $p, warehouseId: $w, delta: $d, reason: $r) {
          id
        }
      }
    `),
    { p: productId, w: warehouseId, d: delta, r: reason },
  );
const arrive = (productId: string, warehouseId: string, quantity: number) =>
  staff(
    graphql(`
      mutation StockChangesArrive($p: ID!, $w: ID!, $q: Int!) {
        arrivedAtWarehouse(productId: $p, warehouseId: $w, quantity: $q) {
          movedFromPreorders
          surplus
        }
      }
    `),
    { p: productId, w: warehouseId, q: quantity },
  );

describe('warehouses and in-stock reservations', () => {
  it('refuses bad stock changes with every problem, and changes nothing', async () => {
    const product = await createProduct(catalog, 2);
    const france = catalog.warehouses.france;
    const movementsBefore = await count('select count(*) as n from catalog.stock_movement where product_id = ?', [product.id]);

    const unknownWarehouse = await receive(product.id, randomUUID(), 0);
    expect(unknownWarehouse.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(unknownWarehouse.errors?.[0]?.extensions?.problems.map((p: any) => [p.field, p.reason])).toEqual([
      ['quantity', 'OUT_OF_RANGE'],
      ['warehouseId', 'UNKNOWN_WAREHOUSE'],
    ]);
    expect((await receive(randomUUID(), france, 1)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await arrive(product.id, france, -4)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const noReason = await adjust(product.id, france, 0, '  ');
    expect(noReason.errors?.[0]?.extensions?.problems.map((p: any) => p.field)).toEqual(['delta', 'reason']);
    expect((await adjust(product.id, france, -3, 'Lost.')).errors?.[0]?.extensions?.rule).toBe('STOCK_BELOW_RESERVED');

    const duplicate = await staff(createWarehouseMutation, {
      input: { code: 'e2e-fr', name: 'Again', country: 'FR', heldByFactory: false, allocationPriority: 1 },
    });
    expect(duplicate.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const badWarehouse = await staff(createWarehouseMutation, { input: { code: 'X', name: '', country: 'EU', heldByFactory: false, allocationPriority: -1 } });
    expect(badWarehouse.errors?.[0]?.extensions?.problems.map((p: any) => p.field)).toEqual(['code', 'name', 'country', 'allocationPriority']);
    const limitedInStock = await staff(
      graphql(`
        mutation StockChangesLimitedInStock($input: CreateProductInput!) {
          createProduct(input: $input) {
            id
          }
        }
      `),
      {
        input: { sku: `LIM-${randomUUID().slice(0, 8)}`, name: 'Not a preorder', price: { amount: 100, currency: 'USD' }, limitedQuantity: 10 },
      },
    );
    expect(limitedInStock.errors?.[0]?.extensions?.problems.map((p: any) => p.reason)).toEqual(['NOT_A_PREORDER']);

    expect(await count('select count(*) as n from catalog.stock_movement where product_id = ?', [product.id])).toBe(movementsBefore);
    expect(await stockOf(catalog, product.id)).toBe(2);
  });
});
