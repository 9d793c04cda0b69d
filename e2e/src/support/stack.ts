import { catalogService } from '@vitrine/catalog';
import { loadConfig as loadGatewayConfig, startGateway, type RunningGateway } from '@vitrine/gateway';
import { ordersService } from '@vitrine/orders';
import type { RunningService } from '@vitrine/platform';
import { bootService, createTestDatabase, createTopicPrefix, eventually, gql } from '@vitrine/testing';

export interface TestStack {
  databaseUrl: string;
  topicPrefix: string;
  catalog: RunningService;
  /** Absent when the test file runs catalog alone. */
  orders: RunningService;
  gateway?: RunningGateway;
  /** The gateway URL when started, else catalog's and orders' own. */
  stop(): Promise<void>;
}

export interface StackOptions {
  label: string;
  gateway?: boolean;
  /** Run catalog alone (orders would react to the synthetic events such a test injects). */
  catalogOnly?: boolean;
  ordersEnv?: Record<string, string>;
}

/** catalog + orders (+ gateway) on real PostgreSQL and the real Kafka broker, isolated per test file. */
export async function startTestStack(options: StackOptions): Promise<TestStack> {
  const databaseUrl = await createTestDatabase(options.label);
  const topicPrefix = createTopicPrefix(options.label);
  const catalog = await bootService(catalogService, { databaseUrl, topicPrefix });
  const orders = options.catalogOnly ? undefined : await bootService(ordersService, { databaseUrl, topicPrefix, extra: options.ordersEnv });
  let gateway: RunningGateway | undefined;
  if (options.gateway && orders) {
    gateway = await startGateway(
      loadGatewayConfig({
        PORT: '0',
        LOG_LEVEL: 'error',
        NODE_ENV: 'test',
        SUBGRAPH_CATALOG_URL: catalog.url,
        SUBGRAPH_ORDERS_URL: orders.url,
      }),
    );
  }
  return {
    databaseUrl,
    topicPrefix,
    catalog,
    orders: orders as RunningService,
    gateway,
    async stop() {
      await gateway?.stop();
      await orders?.stop();
      await catalog.stop();
    },
  };
}

export interface CreatedProduct {
  id: string;
  sku: string;
}

let skuCounter = 0;

/** Creates a product through catalog's staff mutation and waits until orders knows it. */
export async function createProduct(stack: TestStack, stock: number, priceAmount = 1000): Promise<CreatedProduct> {
  const sku = `SKU-${process.pid}-${Date.now()}-${++skuCounter}`;
  const res = await gql(stack.catalog.url, `mutation($input: CreateProductInput!) { createProduct(input: $input) { id sku } }`, {
    input: { sku, name: `Figure ${sku}`, price: { amount: priceAmount, currency: 'USD' }, stock },
  });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  const product = res.data.createProduct as CreatedProduct;
  if (!stack.orders) return product;
  await eventually(async () => {
    const rows = await stack.orders.orm.em.fork().getConnection().execute('select 1 from orders.known_product where id = ?', [product.id]);
    return rows.length === 1;
  });
  return product;
}

export async function stockOf(stack: TestStack, productId: string): Promise<number> {
  const rows = await stack.catalog.orm.em.fork().getConnection().execute<{ stock: number }[]>(
    'select stock from catalog.product where id = ?',
    [productId],
  );
  return rows[0]!.stock;
}

export const placeOrderMutation = `mutation($input: PlaceOrderInput!, $key: String!) {
  placeOrder(input: $input, idempotencyKey: $key) { id status total { amount currency } lines { quantity product { id } } }
}`;

export const orderQuery = `query($id: ID!) { order(id: $id) { id status statusReason } }`;
