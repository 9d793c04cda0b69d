import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { BenchConfig } from './config.js';
import { bearer, gqlData } from './graphql.js';
import type { BenchStack } from './stack.js';
import { pollUntil } from './util.js';

export interface SeededProduct {
  id: string;
  sku: string;
  initialStock: number;
}

/** A registered, signed-in customer. */
export interface BenchCustomer {
  id: string;
  email: string;
  password: string;
  /** Access token from the set-up sign-in (valid for the whole run). */
  token: string;
}

export interface Seed {
  products: SeededProduct[];
  /** Enough stock that the placeOrder run never exhausts it. */
  plenty: SeededProduct;
  /** Small stock, so part of the placeOrder run is rejected. */
  scarce: SeededProduct;
  /** Tokens for every authenticated workload, used round-robin. */
  customers: BenchCustomer[];
  /** Placed (by `orderOwner`) and confirmed before the reads, for the `order(id)` workload. */
  orderId: string;
  /** Orders belong to whoever placed them: only this customer's token may read `orderId`. */
  orderOwner: BenchCustomer;
}

export const createProductMutation = `mutation($input: CreateProductInput!) { createProduct(input: $input) { id sku } }`;
const warehousesQuery = `{ warehouses { id code } }`;
const createWarehouseMutation = `mutation($input: CreateWarehouseInput!) { createWarehouse(input: $input) { id code } }`;
const benchWarehouseCode = 'BENCH-FR';

/** The warehouse bench stock is received into (created on the first run against a database). */
async function benchWarehouse(catalogUrl: string, headers: Record<string, string>): Promise<string> {
  const { warehouses } = await gqlData<{ warehouses: { id: string; code: string }[] }>(catalogUrl, warehousesQuery, {}, headers);
  const existing = warehouses.find((w) => w.code === benchWarehouseCode);
  if (existing) return existing.id;
  const input = { code: benchWarehouseCode, name: 'Bench warehouse', country: 'FR', heldByFactory: false, allocationPriority: 0 };
  return (await gqlData<{ createWarehouse: { id: string } }>(catalogUrl, createWarehouseMutation, { input }, headers)).createWarehouse.id;
}
/** The one placeOrder the bench sends, at set-up and under load. */
export const placeOrderMutation = `mutation Place($input: PlaceOrderInput!, $key: String!) {
  placeOrder(input: $input, idempotencyKey: $key) { id status total { amount currency } }
}`;
export const registerMutation = `mutation($input: RegisterInput!) { register(input: $input) { id } }`;
export const loginMutation = `mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) { accessToken expiresIn customer { id } }
}`;
/** Satisfies accounts' password policy (length, upper, lower, digit, symbol, ASCII, no space). */
export const customerPassword = 'Bench-Customer-2026!';

interface LoginData {
  login: { accessToken: string; expiresIn: number; customer: { id: string } };
}

/** `work` over `items`, at most `width` at a time (argon2id makes each register/login a real cost). */
export async function inBatches<T, R>(items: T[], width: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += width) {
    results.push(...(await Promise.all(items.slice(i, i + width).map((item, j) => work(item, i + j)))));
  }
  return results;
}

export async function signIn(url: string, email: string, password: string): Promise<LoginData['login']> {
  return (await gqlData<LoginData>(url, loginMutation, { email, password })).login;
}

/**
 * Everything goes through the public API, as a staff tool and shoppers
 * would; the database is only read, to know when the asynchronous side
 * (orders' product projection, stock reservation) has caught up. Products are
 * created at catalog with the bootstrap admin's token (scope catalog:write);
 * customers register and sign in through the gateway.
 */
export async function seed(config: BenchConfig, stack: BenchStack, db: pg.Client): Promise<Seed> {
  const run = Date.now().toString(36);
  const admin = await signIn(stack.urls.gateway, stack.admin.email, stack.admin.password);
  const asAdmin = bearer(admin.accessToken);
  const warehouseId = await benchWarehouse(stack.urls.catalog, asAdmin);

  const specs = Array.from({ length: config.products }, (_, i) => ({
    sku: `BENCH-${run}-${String(i).padStart(4, '0')}`,
    name: `Bench figure ${i}`,
    price: { amount: 1000 + i * 50, currency: 'USD' },
    stock: i === 0 ? 1_000_000 : i === 1 ? config.scarceStock : 500,
    warehouseId,
  }));
  // A few at a time: quick, without turning set-up into a load test of its own.
  const products = await inBatches(specs, 5, async (input) => {
    const created = await gqlData<{ createProduct: { id: string; sku: string } }>(stack.urls.catalog, createProductMutation, { input }, asAdmin);
    return { id: created.createProduct.id, sku: created.createProduct.sku, initialStock: input.stock };
  });

  console.log(`[bench] registering and signing in ${config.customers} customers through the gateway`);
  const emails = Array.from({ length: config.customers }, (_, i) => `bench-${run}-${String(i).padStart(5, '0')}@vitrine-bench.example`);
  const customers = await inBatches(emails, 4, async (email, i) => {
    const input = { email, password: customerPassword, country: 'FR', displayName: `Bench customer ${i}` };
    const { register: registered } = await gqlData<{ register: { id: string } }>(stack.urls.gateway, registerMutation, { input });
    const session = await signIn(stack.urls.gateway, email, customerPassword);
    if (session.customer.id !== registered.id) throw new Error(`login as ${email} returned customer ${session.customer.id}, registered as ${registered.id}`);
    return { id: registered.id, email, password: customerPassword, token: session.accessToken };
  });

  const ids = products.map((p) => p.id);
  await pollUntil('orders learning the seeded products', 60_000, async () => {
    const { rows } = await db.query<{ n: number }>('select count(*)::int as n from orders.known_product where id = any($1::uuid[])', [ids]);
    return rows[0]!.n === ids.length ? true : undefined;
  });

  // Orders ships only within a customer's region, which it learns from accounts' events.
  const customerIds = customers.map((c) => c.id);
  await pollUntil("orders learning the customers' regions", 60_000, async () => {
    const { rows } = await db.query<{ n: number }>('select count(*)::int as n from orders.customer_region where customer_id = any($1::uuid[])', [customerIds]);
    return rows[0]!.n === customerIds.length ? true : undefined;
  });

  const orderOwner = customers[0]!;
  const lines = products.slice(2, 5).map((p, i) => ({ productId: p.id, quantity: i + 1 }));
  const placed = await gqlData<{ placeOrder: { id: string } }>(
    stack.urls.gateway,
    placeOrderMutation,
    { input: { lines }, key: randomUUID() },
    bearer(orderOwner.token),
  );
  const orderId = placed.placeOrder.id;
  await pollUntil('the set-up order being confirmed', 60_000, async () => {
    const { rows } = await db.query<{ status: string }>('select status from orders.customer_order where id = $1', [orderId]);
    const status = rows[0]?.status;
    if (status && status !== 'PENDING' && status !== 'AWAITING_PAYMENT') throw new Error(`set-up order ended ${status}`);
    return status === 'AWAITING_PAYMENT' ? true : undefined;
  });

  return { products, plenty: products[0]!, scarce: products[1]!, customers, orderId, orderOwner };
}
