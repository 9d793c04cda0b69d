import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isOrderableStatus } from '@vitrine/contracts';
import { eventually } from '@vitrine/testing';
import { graphql } from './__generated__/index.js';
import { graph, orderQuery, placeOrder, startTestStack, type TestStack } from './support/stack.js';

// The zero-setup mode (`npm start`) runs the same flow on the embedded transport, through the gateway.
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ label: 'embedded', transport: 'embedded', env: { catalog: { SEED_DEMO_DATA: 'true' } } });
});
afterAll(async () => {
  await stack?.stop();
});

describe('embedded transport end to end', () => {
  it('seeds the demo catalog and serves an order from it', async () => {
    const listing = await graph(
      stack,
      graphql(`
        query EmbeddedListing {
          products(first: 50) {
            totalCount
            edges {
              node {
                id
                sku
                availableQuantity
                status
                regionBlocks
                maxQuantityPerOrder
              }
            }
          }
        }
      `),
      {},
    );
    expect(listing.data!.products.totalCount).toBeGreaterThanOrEqual(30);
    // Two units a French customer may order: an orderable status, not region-blocked, no per-order limit below 2.
    const product = listing
      .data!.products.edges.map((e) => e.node)
      .find(
        (p) =>
          (p.availableQuantity === null || p.availableQuantity >= 2) &&
          isOrderableStatus(p.status) &&
          p.regionBlocks.length === 0 &&
          (p.maxQuantityPerOrder ?? 2) >= 2,
      )!;

    const placed = await eventually(async () => {
      const res = await placeOrder(stack, stack.customer, [{ productId: product.id, quantity: 2 }]);
      return res.errors ? false : res; // orders learns the seeded products through the bus
    });
    const id = placed.data!.placeOrder.id;
    await eventually(async () => (await graph(stack, orderQuery, { id }, stack.customer)).data?.order.status === 'AWAITING_PAYMENT');
    const after = await graph(
      stack,
      graphql(`
        query EmbeddedAvailable($id: ID!) {
          product(id: $id) {
            availableQuantity
          }
        }
      `),
      { id: product.id },
    );
    expect(after.data!.product!.availableQuantity).toBe(product.availableQuantity === null ? null : product.availableQuantity - 2);
  });
  it('the demo catalog carries details, down payments, spec changes and price changes made through the real use cases', async () => {
    const query = graphql(`
      query EmbeddedBySku($sku: String!) {
        product(sku: $sku) {
          id
          price {
            amount
          }
          series
          images
          scale
          parts {
            name
            category
          }
          downPayment {
            required
            amount {
              amount
            }
          }
          specChanges {
            changes {
              field
              from
              to
            }
            description
            reason
          }
        }
      }
    `);
    const bySku = async (sku: string) => (await graph(stack, query, { sku })).data!.product!;
    const mecha = await bySku('RLR-MECHA-LTD');
    expect(mecha).toMatchObject({ series: 'Mecha Guardian', scale: '1/6', downPayment: { required: true, amount: { amount: 30000 } } });
    expect(mecha.images).toHaveLength(3);
    expect(mecha.parts.length).toBeGreaterThan(0);
    expect(mecha.specChanges).toEqual([{ changes: [], description: expect.stringContaining('LED'), reason: expect.any(String) }]);
    const artoria = await bySku('PRS-ARTORIA-14');
    expect(artoria.parts.at(-1)).toEqual({ name: 'Excalibur (glowing alternate)', category: 'WEAPON_LARGE' });
    expect(artoria.specChanges).toEqual([
      {
        changes: [{ field: 'parts', from: expect.any(String), to: expect.stringContaining('Excalibur (glowing alternate)') }],
        description: null,
        reason: expect.any(String),
      },
    ]);
    const momo = await bySku('PRS-MOMO-17');
    expect(momo.price.amount).toBe(27900);
    const audit = await stack.catalog.orm.em
      .fork()
      .getConnection()
      .execute("select details from catalog.audit_entry where subject = ? and action = 'product.price-changed'", [momo.id]);
    expect(audit).toEqual([
      { details: expect.objectContaining({ oldPrice: { amount: 25900, currency: 'USD' }, newPrice: { amount: 27900, currency: 'USD' } }) },
    ]);
  });
});
