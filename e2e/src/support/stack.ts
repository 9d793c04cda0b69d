import { randomUUID } from 'node:crypto';
import { accountsService } from '@vitrine/accounts';
import { catalogService } from '@vitrine/catalog';
import { loadConfig as loadGatewayConfig, startGateway, type RunningGateway } from '@vitrine/gateway';
import { ordersService } from '@vitrine/orders';
import type { RunningService } from '@vitrine/platform';
import { freePort } from '@vitrine/local-infra';
import { bootService, createTestDatabase, createTopicPrefix, eventually, gql, type GraphQLResponse } from '@vitrine/testing';
import { newCustomer, signIn, testAdmin, type Identity } from './identities.js';

/** What every stack runs: accounts and catalog (a `catalogOnly` stack stops there). */
export interface CatalogStack {
  databaseUrl: string;
  topicPrefix: string;
  accounts: RunningService;
  catalog: RunningService;
  /** The bootstrap admin (every staff scope), signed in. */
  admin: Identity;
  /** A signed-in customer, for tests that need one. */
  customer: Identity;
  /** Two warehouses every stack starts with: our own (France, where createProduct's stock goes) and a factory-held one (China). */
  warehouses: { france: string; factory: string };
  newCustomer(country?: string): Promise<Identity>;
  stop(): Promise<void>;
}

/** The whole stack: orders too, and the gateway when asked for. */
export interface TestStack extends CatalogStack {
  orders: RunningService;
  gateway?: RunningGateway;
}

export interface StackOptions {
  label: string;
  gateway?: boolean;
  /** Run accounts and catalog without orders (orders would react to the synthetic events such a test injects). */
  catalogOnly?: boolean;
  ordersEnv?: Record<string, string>;
  catalogEnv?: Record<string, string>;
  /** Kafka unless a test is about the embedded transport. */
  transport?: 'kafka' | 'embedded';
}

/** accounts + catalog + orders (+ gateway; orders and gateway unless catalogOnly) on real PostgreSQL and the real Kafka broker, isolated per test file. */
export function startTestStack(options: StackOptions & { catalogOnly: true }): Promise<CatalogStack>;
export function startTestStack(options: StackOptions & { catalogOnly?: false }): Promise<TestStack>;
export async function startTestStack(options: StackOptions): Promise<CatalogStack | TestStack> {
  const databaseUrl = await createTestDatabase(options.label);
  const topicPrefix = createTopicPrefix(options.label);
  // Every service verifies tokens against accounts' JWKS, so accounts' port must be known up front.
  const accountsPort = await freePort();
  const auth = { AUTH_JWKS_URL: `http://127.0.0.1:${accountsPort}/.well-known/jwks.json` };
  const transport = options.transport ?? 'kafka';
  const accounts = await bootService(accountsService, {
    databaseUrl,
    topicPrefix,
    transport,
    extra: { ...auth, PORT: String(accountsPort), BOOTSTRAP_ADMIN_EMAIL: testAdmin.email, BOOTSTRAP_ADMIN_PASSWORD: testAdmin.password },
  });
  const catalog = await bootService(catalogService, { databaseUrl, topicPrefix, transport, extra: { ...auth, ...options.catalogEnv } });
  const orders = options.catalogOnly
    ? undefined
    : await bootService(ordersService, { databaseUrl, topicPrefix, transport, extra: { ...auth, ...options.ordersEnv } });
  let gateway: RunningGateway | undefined;
  if (options.gateway && orders) {
    gateway = await startGateway(
      loadGatewayConfig({
        PORT: '0',
        LOG_LEVEL: 'error',
        NODE_ENV: 'test',
        ...auth,
        SUBGRAPH_ACCOUNTS_URL: accounts.url,
        SUBGRAPH_CATALOG_URL: catalog.url,
        SUBGRAPH_ORDERS_URL: orders.url,
      }),
    );
  }
  const admin = await signIn(accounts.url, testAdmin.email, testAdmin.password);
  const customer = await newCustomer(accounts.url);
  const warehouses = {
    france: await createWarehouse(catalog.url, admin, {
      code: 'E2E-FR',
      name: 'Test warehouse France',
      country: 'FR',
      heldByFactory: false,
      allocationPriority: 10,
    }),
    factory: await createWarehouse(catalog.url, admin, {
      code: 'E2E-CN',
      name: 'Test factory China',
      country: 'CN',
      heldByFactory: true,
      allocationPriority: 10,
    }),
  };
  return {
    databaseUrl,
    topicPrefix,
    accounts,
    catalog,
    ...(orders && { orders, gateway }),
    admin,
    customer,
    warehouses,
    newCustomer: (country) => newCustomer(accounts.url, country),
    async stop() {
      await gateway?.stop();
      await orders?.stop();
      await catalog.stop();
      await accounts.stop();
    },
  };
}

export const createWarehouseMutation = `mutation($input: CreateWarehouseInput!) { createWarehouse(input: $input) { id code } }`;

async function createWarehouse(catalogUrl: string, admin: Identity, input: Record<string, unknown>): Promise<string> {
  const res = await gql(catalogUrl, createWarehouseMutation, { input }, admin.headers);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.createWarehouse.id;
}

export interface CreatedProduct {
  id: string;
  sku: string;
}

let skuCounter = 0;

/**
 * Creates a product through catalog's staff mutation (IN_STOCK with `stock`
 * units in the stack's French warehouse unless `extra` says otherwise) and
 * waits until orders knows it.
 */
export async function createProduct(
  stack: CatalogStack & { orders?: RunningService },
  stock: number,
  priceAmount = 1000,
  extra: Record<string, unknown> = {},
): Promise<CreatedProduct> {
  const sku = `SKU-${process.pid}-${Date.now()}-${++skuCounter}`;
  const res = await gql(
    stack.catalog.url,
    `mutation($input: CreateProductInput!) { createProduct(input: $input) { id sku } }`,
    { input: { sku, name: `Figure ${sku}`, price: { amount: priceAmount, currency: 'USD' }, stock, warehouseId: stack.warehouses.france, ...extra } },
    stack.admin.headers,
  );
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  const product = res.data.createProduct as CreatedProduct;
  const orders = stack.orders;
  if (!orders) return product;
  await eventually(async () => {
    const rows = await orders.orm.em.fork().getConnection().execute('select 1 from orders.known_product where id = ?', [product.id]);
    return rows.length === 1;
  });
  return product;
}

/** Units of the product left to sell across its warehouses (on hand minus reserved), read from PostgreSQL. */
export async function stockOf(stack: CatalogStack, productId: string): Promise<number> {
  const rows = await stack.catalog.orm.em
    .fork()
    .getConnection()
    .execute<{ n: string }[]>('select coalesce(sum(on_hand - reserved), 0) as n from catalog.warehouse_stock where product_id = ?', [productId]);
  return Number(rows[0]!.n);
}

export const placeOrderMutation = `mutation($input: PlaceOrderInput!, $key: String!) {
  placeOrder(input: $input, idempotencyKey: $key) { id status total { amount currency } lines { quantity product { id } } }
}`;

/** Places an order straight on the orders subgraph as `who` (anonymous without headers), under a fresh idempotency key unless given one. */
export function placeOrder(
  stack: TestStack,
  who: { headers?: Record<string, string> },
  lines: unknown[],
  key: string = randomUUID(),
): Promise<GraphQLResponse> {
  return gql(stack.orders.url, placeOrderMutation, { input: { lines }, key }, who.headers);
}

export const orderQuery = `query($id: ID!) { order(id: $id) { id status statusReason } }`;
