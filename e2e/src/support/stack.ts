import { randomUUID } from 'node:crypto';
import { loadConfig as loadGatewayConfig, startGateway, subgraphs, subgraphUrlVariable, type RunningGateway, type SubgraphName } from '@vitrine/gateway';
import type { RunningService, ServiceDefinition } from '@vitrine/platform';
import { freePort } from '@vitrine/local-infra';
import { bootService, createTestDatabase, createTopicPrefix, eventually, gql, type TypedDocumentNode } from '@vitrine/testing';
import { graphql } from '../__generated__/index.js';
import type { CreateProductInput, CreateWarehouseInput, OrderLineInput } from '../__generated__/graphql.js';
import { newCustomer, signIn, testAdmin, type Identity } from './identities.js';

/** What every stack has, whichever services run. */
interface StackBasics {
  databaseUrl: string;
  topicPrefix: string;
  /** The bootstrap admin (every staff scope), signed in. */
  admin: Identity;
  /** A signed-in customer, for tests that need one. */
  customer: Identity;
  /** Two warehouses every stack with catalog starts with: our own (France, where createProduct's stock goes) and a factory-held one (China). */
  warehouses: { france: string; factory: string };
  /**
   * Registers and signs in a customer, and waits until every running service that keeps customers'
   * regions (catalog, orders) knows them, as a real customer's first page views would; a test about
   * the moment before that uses identities' newCustomer directly.
   */
  newCustomer(country?: string): Promise<Identity>;
  /** The gateway (it needs every subgraph, so a stack with `only` runs without it). */
  gateway?: RunningGateway;
  /** Where the behaviour under test is requested: the gateway's GraphQL endpoint. */
  readonly gatewayUrl: string;
  stop(): Promise<void>;
}

/** A stack running services `S` (by default every subgraph of the gateway's list), each reachable by name. */
export type TestStack<S extends SubgraphName = SubgraphName> = StackBasics & { readonly [K in S]: RunningService };
/** accounts and catalog only. */
export type CatalogStack = TestStack<'accounts' | 'catalog'>;

export interface StackOptions<S extends SubgraphName> {
  label: string;
  /** Default: on, unless `only` leaves services out. */
  gateway?: boolean;
  /** Run only these services (accounts and catalog always run: tokens and warehouses come from them); default: every subgraph. */
  only?: readonly S[];
  /** Settings per service on top of the test defaults. */
  env?: Partial<Record<SubgraphName, Record<string, string>>>;
  /** Kafka unless a test is about the embedded transport. */
  transport?: 'kafka' | 'embedded';
}

/** Settings a service always gets in the e2e stack. */
const serviceSettings: Partial<Record<SubgraphName, Record<string, string>>> = {
  accounts: { BOOTSTRAP_ADMIN_EMAIL: testAdmin.email, BOOTSTRAP_ADMIN_PASSWORD: testAdmin.password },
};

/** The services of the gateway's list, on real PostgreSQL and the real Kafka broker, isolated per test file (and the gateway when asked for). */
export async function startTestStack<S extends SubgraphName = SubgraphName>(options: StackOptions<S>): Promise<TestStack<S | 'accounts' | 'catalog'>> {
  const wanted = new Set<SubgraphName>(['accounts', 'catalog', ...(options.only ?? subgraphs.map((s) => s.name))]);
  const selected = subgraphs.filter((s) => wanted.has(s.name));
  const withGateway = options.gateway ?? options.only === undefined;
  if (withGateway && selected.length < subgraphs.length) throw new Error('the gateway needs every subgraph: drop `only` or `gateway`');
  const databaseUrl = await createTestDatabase(options.label);
  const topicPrefix = createTopicPrefix(options.label);
  // Every service verifies tokens against accounts' JWKS, so accounts' port must be known up front.
  const accountsPort = await freePort();
  const auth = { AUTH_JWKS_URL: `http://127.0.0.1:${accountsPort}/.well-known/jwks.json` };
  const transport = options.transport ?? 'kafka';
  const boot = async (name: SubgraphName, packageName: string) => {
    const { service } = (await import(packageName)) as { service: ServiceDefinition<any> };
    const extra = { ...auth, ...(name === 'accounts' && { PORT: String(accountsPort) }), ...serviceSettings[name], ...options.env?.[name] };
    return [name, await bootService(service, { databaseUrl, topicPrefix, transport, extra })] as const;
  };
  const running = new Map<SubgraphName, RunningService>();
  const stopAll = async () => {
    for (const name of [...running.keys()].reverse()) await running.get(name)!.stop();
  };
  let gateway: RunningGateway | undefined;
  try {
    const [accounts, ...others] = selected;
    running.set(...(await boot(accounts!.name, accounts!.packageName)));
    for (const [name, service] of await Promise.all(others.map((s) => boot(s.name, s.packageName)))) running.set(name, service);
    if (withGateway) {
      const urls = Object.fromEntries([...running].map(([name, service]) => [subgraphUrlVariable(name), service.url]));
      gateway = await startGateway(loadGatewayConfig({ PORT: '0', LOG_LEVEL: 'error', NODE_ENV: 'test', ...auth, ...urls }));
    }
  } catch (err) {
    await stopAll();
    throw err;
  }
  const url = (name: SubgraphName) => running.get(name)!.url;
  /** Waits until every running service that keeps customers' regions (catalog, orders) knows this customer. */
  const knownEverywhere = async (identity: Identity): Promise<Identity> => {
    const em = running.get('catalog')!.orm.em.fork();
    const tables = await em
      .getConnection()
      .execute<{ schema: string }[]>("select table_schema as schema from information_schema.tables where table_name = 'customer_region'");
    const schemas = tables.map((t) => t.schema).filter((schema) => running.has(schema as SubgraphName));
    await eventually(async () => {
      for (const schema of schemas) {
        if ((await em.getConnection().execute(`select 1 from "${schema}".customer_region where customer_id = ?`, [identity.id])).length === 0) return false;
      }
      return true;
    });
    return identity;
  };
  let admin: Identity, customer: Identity, warehouses: StackBasics['warehouses'];
  try {
    admin = await signIn(url('accounts'), testAdmin.email, testAdmin.password);
    customer = await knownEverywhere(await newCustomer(url('accounts')));
    warehouses = {
      france: await createWarehouse(url('catalog'), admin, {
        code: 'E2E-FR',
        name: 'Test warehouse France',
        country: 'FR',
        heldByFactory: false,
        allocationPriority: 10,
        returnAddress: e2eReturnAddresses.france,
      }),
      factory: await createWarehouse(url('catalog'), admin, {
        code: 'E2E-CN',
        name: 'Test factory China',
        country: 'CN',
        heldByFactory: true,
        allocationPriority: 10,
        returnAddress: e2eReturnAddresses.factory,
      }),
    };
  } catch (err) {
    await gateway?.stop();
    await stopAll();
    throw err;
  }
  const basics: StackBasics = {
    databaseUrl,
    topicPrefix,
    admin,
    customer,
    warehouses,
    gateway,
    get gatewayUrl() {
      if (!gateway) throw new Error('this stack runs without the gateway');
      return gateway.url;
    },
    newCustomer: async (country) => knownEverywhere(await newCustomer(url('accounts'), country)),
    async stop() {
      await gateway?.stop();
      await stopAll();
    },
  };
  return Object.assign(basics, Object.fromEntries(running)) as TestStack<S | 'accounts' | 'catalog'>;
}

/** Where customers send items back to the stack's two warehouses (catalog's return addresses; the country is the warehouse's). */
export const e2eReturnAddresses = {
  france: { name: 'Vitrine Returns (test)', line1: '14 rue de la Soie', line2: 'Quai 3', postalCode: '69100', city: 'Villeurbanne', region: null },
  factory: { name: 'Vitrine Factory Returns (test)', line1: '88 Songshan Lake Road', line2: null, postalCode: '523808', city: 'Dongguan', region: 'Guangdong' },
} as const;

export const createWarehouseMutation = graphql(`
  mutation SupportCreateWarehouse($input: CreateWarehouseInput!) {
    createWarehouse(input: $input) {
      id
      code
    }
  }
`);

async function createWarehouse(catalogUrl: string, admin: Identity, input: CreateWarehouseInput): Promise<string> {
  const res = await gql(catalogUrl, createWarehouseMutation, { input }, admin.headers);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.createWarehouse.id;
}

const createProductMutation = graphql(`
  mutation SupportCreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      id
      sku
    }
  }
`);

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
  extra: Partial<CreateProductInput> = {},
): Promise<CreatedProduct> {
  const sku = `SKU-${process.pid}-${Date.now()}-${++skuCounter}`;
  const res = await gql(
    stack.catalog.url,
    createProductMutation,
    { input: { sku, name: `Figure ${sku}`, price: { amount: priceAmount, currency: 'USD' }, stock, warehouseId: stack.warehouses.france, ...extra } },
    stack.admin.headers,
  );
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  const product: CreatedProduct = res.data!.createProduct;
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

export const placeOrderMutation = graphql(`
  mutation SupportPlaceOrder($input: PlaceOrderInput!, $key: String!) {
    placeOrder(input: $input, idempotencyKey: $key) {
      id
      status
      total {
        amount
        currency
      }
      lines {
        quantity
        product {
          id
        }
      }
    }
  }
`);

/** Requests the behaviour under test the way a storefront or back office would: through the gateway, as `who` (anonymous without headers). */
export function graph<TData, TVariables>(
  stack: TestStack,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  who: { headers?: Record<string, string> } = {},
) {
  return gql(stack.gatewayUrl, document, variables, who.headers);
}

/** Places an order through the gateway as `who` (anonymous without headers), under a fresh idempotency key unless given one. */
export function placeOrder(stack: TestStack, who: { headers?: Record<string, string> }, lines: OrderLineInput[], key: string = randomUUID()) {
  return graph(stack, placeOrderMutation, { input: { lines }, key }, who);
}

export const orderQuery = graphql(`
  query SupportOrder($id: ID!) {
    order(id: $id) {
      id
      status
      statusReason
    }
  }
`);
