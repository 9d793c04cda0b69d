import type { Queryable } from './db.js';
import { must } from './client.js';
import { faultAdmin } from './stack.js';

export interface Customer {
  id: string;
  token: string;
}

export interface Product {
  id: string;
  sku: string;
  initialStock: number;
}

/** The store the streams shop in: a warehouse, signed-in customers, and what each stream sells. */
export interface Shop {
  gatewayUrl: string;
  adminToken: string;
  warehouseId: string;
  customers: Customer[];
  /** Every product created so far, for the stock audit. */
  products: Product[];
}

const loginMutation = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken customer { id } } }`;
const registerMutation = `mutation($input: RegisterInput!) { register(input: $input) { id } }`;
const createWarehouseMutation = `mutation($input: CreateWarehouseInput!) { createWarehouse(input: $input) { id } }`;
const createProductMutation = `mutation($input: CreateProductInput!) { createProduct(input: $input) { id sku } }`;
/** Satisfies accounts' password policy (length, upper, lower, digit, symbol). */
const customerPassword = 'Fault-Customer-2026!';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const count = async (db: Queryable, sql: string, params: unknown[]) => (await db.query<{ n: number }>(sql, params)).rows[0]!.n;

async function until(label: string, timeoutMs: number, holds: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await holds())) {
    if (Date.now() > deadline) throw new Error(`${label}: not within ${timeoutMs / 1000} s`);
    await sleep(250);
  }
}

/**
 * Everything through the gateway, as staff and shoppers would: the database
 * is only read to know when orders has learnt what it needs (the customers'
 * regions, the products, logistics' rate card).
 */
export async function openShop(gatewayUrl: string, db: Queryable, customerCount: number): Promise<Shop> {
  const run = Date.now().toString(36);
  const admin = await must<{ login: { accessToken: string } }>(gatewayUrl, loginMutation, faultAdmin);
  const adminToken = admin.login.accessToken;
  const input = { code: 'FAULT-FR', name: 'Fault warehouse', country: 'FR', heldByFactory: false, allocationPriority: 0 };
  const { createWarehouse } = await must<{ createWarehouse: { id: string } }>(gatewayUrl, createWarehouseMutation, { input }, adminToken);
  const customers: Customer[] = [];
  // A few at a time: argon2id makes each sign-up and sign-in a real cost.
  for (let i = 0; i < customerCount; i += 4) {
    const batch = Array.from({ length: Math.min(4, customerCount - i) }, (_, j) => `fault-${run}-${i + j}@vitrine-fault.example`);
    customers.push(
      ...(await Promise.all(
        batch.map(async (email, j) => {
          const registered = { email, password: customerPassword, country: 'FR', displayName: `Fault customer ${i + j}` };
          await must(gatewayUrl, registerMutation, { input: registered });
          const { login } = await must<{ login: { accessToken: string; customer: { id: string } } }>(gatewayUrl, loginMutation, {
            email,
            password: customerPassword,
          });
          return { id: login.customer.id, token: login.accessToken };
        }),
      )),
    );
  }
  const ids = customers.map((c) => c.id);
  await until(
    "orders learning the customers' regions",
    60_000,
    async () => (await count(db, 'select count(*)::int as n from orders.customer_region where customer_id = any($1::uuid[])', [ids])) === ids.length,
  );
  await until(
    "orders learning logistics' rate card",
    60_000,
    async () => (await count(db, 'select count(*)::int as n from orders.shipping_rate_card', [])) > 0,
  );
  return { gatewayUrl, adminToken, warehouseId: createWarehouse.id, customers, products: [] };
}

/** An in-stock figure received into the shop's warehouse, once orders knows it. */
export async function stockProduct(shop: Shop, db: Queryable, label: string, price: number, stock: number): Promise<Product> {
  const input = {
    sku: `FAULT-${label}-${Date.now().toString(36)}`,
    name: `Fault figure ${label}`,
    price: { amount: price, currency: 'USD' },
    stock,
    warehouseId: shop.warehouseId,
  };
  const { createProduct } = await must<{ createProduct: { id: string; sku: string } }>(shop.gatewayUrl, createProductMutation, { input }, shop.adminToken);
  await until(
    `orders learning ${createProduct.sku}`,
    60_000,
    async () => (await count(db, 'select count(*)::int as n from orders.known_product where id = $1', [createProduct.id])) === 1,
  );
  const product = { id: createProduct.id, sku: createProduct.sku, initialStock: stock };
  shop.products.push(product);
  return product;
}
