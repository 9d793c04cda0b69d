import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderConfirmedV1, productPublishedV1, productReleasedV1 } from '@vitrine/contracts';
import { eventually } from '@vitrine/testing';
import { bootAftersales, type AftersalesHarness } from './harness.js';

// What aftersales keeps of a confirmed order: each line with the product's status and release date as known then.
let aftersales: AftersalesHarness;

beforeAll(async () => {
  aftersales = await bootAftersales('order_projection');
}, 600_000);
afterAll(async () => {
  await aftersales?.stop();
});

const usd = (amount: number) => ({ amount, currency: 'USD' });

async function confirm(orderId: string, lines: { productId: string; quantity: number; unitPrice: { amount: number; currency: string } }[]) {
  return aftersales.publish({
    source: 'orders',
    definition: orderConfirmedV1,
    subject: orderId,
    data: {
      orderId,
      customerId: randomUUID(),
      kind: 'PREORDER',
      paymentPlan: 'DEPOSIT',
      policyVersion: aftersales.policyVersions['deposit-store'],
      lines,
      goodsTotal: usd(lines.reduce((sum, l) => sum + l.unitPrice.amount * l.quantity, 0)),
      shippingEstimate: usd(0),
      nextPayment: null,
    },
  });
}

const linesOf = (orderId: string) =>
  aftersales.sql<{ product_id: string; quantity: number; unit_price_amount: number; status_when_ordered: string | null; released_at: Date | null }>(
    'select product_id, quantity, unit_price_amount, status_when_ordered, released_at from aftersales.claimable_line where order_id = ? order by unit_price_amount',
    [orderId],
  );

describe("aftersales' projection of confirmed orders", () => {
  it('keeps each line with the status and release date catalog announced, nothing for a product it has not heard of', async () => {
    const known = randomUUID();
    const unheardOf = randomUUID();
    const releasedAt = '2026-03-14T09:30:00.000Z';
    await aftersales.publish({
      source: 'catalog',
      definition: productPublishedV1,
      subject: known,
      data: { productId: known, sku: `SKU-${known.slice(0, 8)}`, name: 'Statue', price: usd(30000), status: 'CHINA_STOCK' },
    });
    await aftersales.publish({ source: 'catalog', definition: productReleasedV1, subject: known, data: { productId: known, releasedAt } });
    await eventually(
      async () => (await aftersales.sql('select 1 from aftersales.known_product where id = ? and released_at is not null', [known])).length === 1,
    );

    const orderId = randomUUID();
    await confirm(orderId, [
      { productId: known, quantity: 2, unitPrice: usd(30000) },
      { productId: unheardOf, quantity: 1, unitPrice: usd(10000) },
    ]);
    await eventually(async () => (await linesOf(orderId)).length === 2);
    const [unknownLine, knownLine] = await linesOf(orderId);
    expect(knownLine).toMatchObject({ product_id: known, quantity: 2, unit_price_amount: 30000, status_when_ordered: 'CHINA_STOCK' });
    expect(new Date(knownLine!.released_at!).toISOString()).toBe(releasedAt);
    expect(unknownLine).toMatchObject({ product_id: unheardOf, quantity: 1, unit_price_amount: 10000, status_when_ordered: null, released_at: null });
    const [order] = await aftersales.sql<{ kind: string; policy_version: number }>('select kind, policy_version from aftersales.claimable_order where id = ?', [
      orderId,
    ]);
    expect(order).toEqual({ kind: 'PREORDER', policy_version: aftersales.policyVersions['deposit-store'] });

    // A second announcement of the order (another event id: not the inbox's business) keeps what is there.
    const again = await confirm(orderId, [{ productId: known, quantity: 5, unitPrice: usd(1) }]);
    await eventually(async () => (await aftersales.sql('select 1 from aftersales.inbox_processed_event where event_id = ?', [again.id])).length === 1);
    expect((await linesOf(orderId)).map((l) => [l.product_id, l.quantity, l.unit_price_amount])).toEqual([
      [unheardOf, 1, 10000],
      [known, 2, 30000],
    ]);
  });
});
