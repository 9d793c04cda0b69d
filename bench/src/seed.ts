import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { BenchConfig } from './config.js';
import { gqlData } from './graphql.js';
import type { BenchStack } from './stack.js';
import { pollUntil } from './util.js';

export interface SeededProduct {
  id: string;
  sku: string;
  initialStock: number;
}

export interface Seed {
  products: SeededProduct[];
  /** Enough stock that the placeOrder run never exhausts it. */
  plenty: SeededProduct;
  /** Small stock, so part of the placeOrder run is rejected. */
  scarce: SeededProduct;
  /** Placed and confirmed before the reads, for the `order(id)` workload. */
  orderId: string;
}

const createProduct = `mutation($input: CreateProductInput!) { createProduct(input: $input) { id sku } }`;
const placeOrder = `mutation($input: PlaceOrderInput!, $key: String!) { placeOrder(input: $input, idempotencyKey: $key) { id status } }`;

/**
 * Everything goes through the public API, as a staff tool would; the database
 * is only read, to know when the asynchronous side (orders' product
 * projection, stock reservation) has caught up.
 */
export async function seed(config: BenchConfig, stack: BenchStack, db: pg.Client): Promise<Seed> {
  const run = Date.now().toString(36);
  const specs = Array.from({ length: config.products }, (_, i) => ({
    sku: `BENCH-${run}-${String(i).padStart(4, '0')}`,
    name: `Bench figure ${i}`,
    price: { amount: 1000 + i * 50, currency: 'USD' },
    stock: i === 0 ? 1_000_000 : i === 1 ? config.scarceStock : 500,
  }));

  const products: SeededProduct[] = [];
  // A few at a time: quick, without turning set-up into a load test of its own.
  for (let i = 0; i < specs.length; i += 5) {
    const batch = specs.slice(i, i + 5);
    const created = await Promise.all(
      batch.map((input) => gqlData<{ createProduct: { id: string; sku: string } }>(stack.urls.catalog, createProduct, { input })),
    );
    created.forEach((c, j) => products.push({ id: c.createProduct.id, sku: c.createProduct.sku, initialStock: batch[j]!.stock }));
  }
  const ids = products.map((p) => p.id);
  await pollUntil('orders learning the seeded products', 60_000, async () => {
    const { rows } = await db.query<{ n: number }>('select count(*)::int as n from orders.known_product where id = any($1::uuid[])', [ids]);
    return rows[0]!.n === ids.length ? true : undefined;
  });

  const lines = products.slice(2, 5).map((p, i) => ({ productId: p.id, quantity: i + 1 }));
  const placed = await gqlData<{ placeOrder: { id: string } }>(stack.urls.gateway, placeOrder, {
    input: { lines },
    key: randomUUID(),
  });
  const orderId = placed.placeOrder.id;
  await pollUntil('the set-up order being confirmed', 60_000, async () => {
    const { rows } = await db.query<{ status: string }>('select status from orders.customer_order where id = $1', [orderId]);
    const status = rows[0]?.status;
    if (status && status !== 'PENDING' && status !== 'CONFIRMED') throw new Error(`set-up order ended ${status}`);
    return status === 'CONFIRMED' ? true : undefined;
  });

  return { products, plenty: products[0]!, scarce: products[1]!, orderId };
}
