import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimReplacementRequestedV1, orderPlacedV1, shipmentDispatchedV1, type EventData } from '@vitrine/contracts';
import { eventually } from '@vitrine/testing';
import { bootCatalog, createProduct, stockOf, type CatalogHarness } from './harness.js';

// An exchange's new unit, as after-sales and logistics ask for it: held in a
// warehouse under the claim when the customer chooses the exchange (so no
// order can take it, and it never takes an order's), or UNAVAILABLE; taken
// out of stock when the replacement parcel leaves. Events published here as
// after-sales and logistics publish them.
let catalog: CatalogHarness;

beforeAll(async () => {
  catalog = await bootCatalog('exchange_units');
});
afterAll(async () => {
  await catalog?.stop();
});

const processed = (eventId: string) =>
  eventually(async () => (await catalog.sql('select 1 from catalog.inbox_processed_event where event_id = ?', [eventId])).length === 1);

async function chooseReplacement(productId: string, resolution: 'EXCHANGE' | 'REPLACEMENT_PART', claimId = randomUUID()) {
  const data: EventData<typeof claimReplacementRequestedV1> = {
    claimId,
    orderId: randomUUID(),
    customerId: catalog.customer.id,
    productId,
    resolution,
    parts: resolution === 'EXCHANGE' ? [] : [{ name: null, category: 'WEAPON_LARGE', issue: 'BROKEN' }],
    leadTime: null,
    atWarehouse: null,
    requestedAt: new Date().toISOString(),
  };
  await processed((await catalog.publish({ source: 'aftersales', definition: claimReplacementRequestedV1, subject: claimId, data })).id);
  return claimId;
}

async function dispatchReplacement(claimId: string) {
  const shipmentId = randomUUID();
  const envelope = await catalog.publish({
    source: 'logistics',
    definition: shipmentDispatchedV1,
    subject: shipmentId,
    data: {
      shipmentId,
      customerId: catalog.customer.id,
      orderIds: [randomUUID()],
      carrier: 'COLISSIMO',
      trackingNumber: `6A${Date.now()}`,
      weightGrams: 900,
      dimensions: { lengthMm: 300, widthMm: 200, heightMm: 150 },
      finalCost: { amount: 0, currency: 'USD' },
      dispatchedAt: new Date().toISOString(),
      kind: 'REPLACEMENT',
      claimId,
    },
  });
  await processed(envelope.id);
}

const announced = async (claimId: string) =>
  (
    await catalog.sql<{ envelope: { data: Record<string, unknown> } }>(
      `select envelope from catalog.outbox_message where type = 'catalog.stock.exchange-unit' and key = ?`,
      [claimId],
    )
  ).map((r) => r.envelope.data);
const counters = async (productId: string) =>
  (
    await catalog.sql<{ on_hand: number; reserved: number }>(
      'select on_hand, reserved from catalog.warehouse_stock where product_id = ? and warehouse_id = ?',
      [productId, catalog.warehouses.france],
    )
  )[0];

describe('an exchange’s new unit', () => {
  it('is held in a warehouse under the claim, once however often it is asked, and leaves stock with the replacement parcel', async () => {
    const product = await createProduct(catalog, 3);
    const claimId = await chooseReplacement(product.id, 'EXCHANGE');
    expect(await announced(claimId)).toEqual([
      { claimId, productId: product.id, outcome: 'HELD', warehouseId: catalog.warehouses.france, at: expect.any(String) },
    ]);
    expect(await counters(product.id)).toEqual({ on_hand: 3, reserved: 1 });
    expect(await stockOf(catalog, product.id)).toBe(2);
    // Asked again (a second choice event for the same claim): nothing more is held.
    await chooseReplacement(product.id, 'EXCHANGE', claimId);
    expect(await counters(product.id)).toEqual({ on_hand: 3, reserved: 1 });

    await dispatchReplacement(claimId);
    expect(await counters(product.id)).toEqual({ on_hand: 2, reserved: 0 });
    expect(await catalog.sql('select state from catalog.stock_reservation where order_id = ?', [claimId])).toEqual([{ state: 'COMMITTED' }]);
    const ledger = await catalog.sql<{ kind: string; quantity: number }>('select kind, quantity from catalog.stock_movement where order_id = ? order by id', [
      claimId,
    ]);
    expect(ledger).toEqual([
      { kind: 'RESERVED', quantity: 1 },
      { kind: 'SHIPPED', quantity: -1 },
    ]);
  });

  it('never takes a unit an order holds: with every unit held, it is UNAVAILABLE and nothing moves', async () => {
    const product = await createProduct(catalog, 1);
    const orderId = randomUUID();
    const placed = await catalog.publish({
      source: 'orders',
      definition: orderPlacedV1,
      subject: orderId,
      data: { orderId, customerId: catalog.customer.id, lines: [{ productId: product.id, quantity: 1 }] },
    });
    await processed(placed.id);
    expect(await counters(product.id)).toEqual({ on_hand: 1, reserved: 1 });
    const claimId = await chooseReplacement(product.id, 'EXCHANGE');
    expect(await announced(claimId)).toEqual([{ claimId, productId: product.id, outcome: 'UNAVAILABLE', warehouseId: null, at: expect.any(String) }]);
    expect(await counters(product.id)).toEqual({ on_hand: 1, reserved: 1 });
    expect(await catalog.sql('select 1 from catalog.stock_reservation where order_id = ?', [claimId])).toEqual([]);
  });

  it('a replacement part holds nothing of the product, and its parcel leaving takes nothing out', async () => {
    const product = await createProduct(catalog, 2);
    const claimId = await chooseReplacement(product.id, 'REPLACEMENT_PART');
    await dispatchReplacement(claimId);
    expect(await announced(claimId)).toEqual([]);
    expect(await counters(product.id)).toEqual({ on_hand: 2, reserved: 0 });
  });
});
