// Test-only helpers for catalog's int specs (excluded from the build): catalog alone, with a test token issuer for accounts.
import { customerRegisteredV1 } from '@vitrine/contracts';
import { bootIsolatedService, eventually, gql, type IsolatedService, type TestIdentity } from '@vitrine/testing';
import { catalogService } from '../catalog-service.js';
import { graphql } from '../__generated__/index.js';
import type { CreateProductInput, CreateWarehouseInput } from '../__generated__/graphql.js';

export interface CatalogHarness extends IsolatedService {
  /** Staff holding every back-office scope. */
  readonly admin: TestIdentity;
  /** A customer in France, whose region catalog has learnt. */
  readonly customer: TestIdentity;
  /** Two warehouses every harness starts with: our own (France, where createProduct's stock goes) and a factory-held one (China). */
  readonly warehouses: { france: string; factory: string };
  /** A new customer in `country` (default France), once catalog's projection of accounts' regions has them. */
  newCustomer(country?: string): Promise<TestIdentity>;
}

/**
 * Catalog on its own database and topics; `env` adds service settings. The listing cache is off unless `env` turns
 * it on: these specs write rows directly (`sql`), which the cache hears of only when their notification arrives, an
 * instant after the statement returns; `listing-cache.int.spec.ts` is the one about it.
 */
export async function bootCatalog(label: string, env: Record<string, string> = {}): Promise<CatalogHarness> {
  const catalog = await bootIsolatedService(catalogService, { label, env: { LISTING_CACHE_TTL_MS: '0', ...env } });
  try {
    const admin = await catalog.tokens.staff(catalogService.identity.scopes);
    const newCustomer = async (country = 'FR') => {
      const customer = await catalog.tokens.customer();
      // What accounts announces when someone registers; catalog keeps the region for orderability.
      await catalog.publish({ source: 'accounts', definition: customerRegisteredV1, subject: customer.id, data: { customerId: customer.id, country } });
      await eventually(
        async () => (await catalog.sql('select country from catalog.customer_region where customer_id = ?', [customer.id]))[0]?.country === country,
      );
      return customer;
    };
    const warehouse = async (input: CreateWarehouseInput) => {
      const res = await gql(catalog.url, createWarehouseMutation, { input }, admin.headers);
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      return res.data!.createWarehouse.id;
    };
    const warehouses = {
      france: await warehouse({ code: 'E2E-FR', name: 'Test warehouse France', country: 'FR', heldByFactory: false, allocationPriority: 10 }),
      factory: await warehouse({ code: 'E2E-CN', name: 'Test factory China', country: 'CN', heldByFactory: true, allocationPriority: 10 }),
    };
    return Object.assign(catalog, { admin, customer: await newCustomer(), warehouses, newCustomer });
  } catch (err) {
    await catalog.stop();
    throw err;
  }
}

export const createWarehouseMutation = graphql(`
  mutation HarnessCreateWarehouse($input: CreateWarehouseInput!) {
    createWarehouse(input: $input) {
      id
      code
    }
  }
`);

const createProductMutation = graphql(`
  mutation HarnessCreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      id
      sku
    }
  }
`);

let skuCounter = 0;

/** Creates a product through the staff mutation: IN_STOCK with `stock` units in the French warehouse unless `extra` says otherwise. */
export async function createProduct(
  catalog: CatalogHarness,
  stock: number,
  priceAmount = 1000,
  extra: Partial<CreateProductInput> = {},
): Promise<{ id: string; sku: string }> {
  const sku = `SKU-${process.pid}-${Date.now()}-${++skuCounter}`;
  const res = await gql(
    catalog.url,
    createProductMutation,
    { input: { sku, name: `Figure ${sku}`, price: { amount: priceAmount, currency: 'USD' }, stock, warehouseId: catalog.warehouses.france, ...extra } },
    catalog.admin.headers,
  );
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.createProduct;
}

/** Units of the product left to sell across its warehouses (on hand minus reserved), read from PostgreSQL. */
export async function stockOf(catalog: CatalogHarness, productId: string): Promise<number> {
  const [row] = await catalog.sql<{ n: string }>('select coalesce(sum(on_hand - reserved), 0) as n from catalog.warehouse_stock where product_id = ?', [
    productId,
  ]);
  return Number(row!.n);
}
