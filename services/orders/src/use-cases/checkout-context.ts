import type { EntityManager } from '@mikro-orm/postgresql';
import { orders } from '../identity.js';
import type { KnownProduct } from '../store/known-product.entity.js';

const s = orders.dbSchema;

/** What a checkout reads of a product: orders' copy of catalog's facts (KnownProduct), as of this transaction. */
export type CheckoutProduct = Pick<
  KnownProduct,
  | 'id'
  | 'sku'
  | 'name'
  | 'priceAmount'
  | 'priceCurrency'
  | 'status'
  | 'regionBlocks'
  | 'maxQuantityPerOrder'
  | 'maxQuantityPerCustomer'
  | 'downPaymentAmount'
  | 'planKind'
  | 'depositPercent'
  | 'fullPaymentAllowed'
>;

/** What a checkout (or its preview) must know before it decides anything. */
export interface CheckoutContext {
  /** The customer's active flags: they may refuse the order, and they shape its payment terms. */
  flags: string[];
  accountDeleted: boolean;
  /** The customer's region (where orders ship); null while accounts' event is on its way. */
  country: string | null;
  /** The newest published store policy: the version new orders take. */
  policyVersion: number;
  /** This idempotency key's earlier checkout by this customer, to be answered as it was. */
  earlier: { id: string; requestFingerprint: string } | null;
  /** The cart's products orders knows, by id (one it does not know is missing). */
  products: Map<string, CheckoutProduct>;
}

/**
 * One statement for what used to be six round trips inside the checkout's
 * transaction (the key's earlier use, flags and deleted account, region,
 * policy version, the cart's products), each holding a pooled connection idle
 * while a busy event loop came back to send the next: every order pays for them.
 * `productIds` are the cart's (valid UUIDs, lower case).
 */
export async function readCheckoutContext(
  em: EntityManager,
  customerId: string,
  idempotencyKey: string | null,
  productIds: readonly string[],
): Promise<CheckoutContext> {
  const [row] = await em.execute<
    {
      flags: string[] | null;
      deleted: boolean;
      country: string | null;
      policy_version: number | null;
      earlier_id: string | null;
      earlier_fingerprint: string | null;
      products: CheckoutProduct[];
    }[]
  >(
    `select (select array_agg(flag order by flag) from "${s}".customer_flag where customer_id = ? and active) as flags,
            exists (select 1 from "${s}".deleted_customer where customer_id = ?) as deleted,
            (select country from "${s}".customer_region where customer_id = ?) as country,
            (select max(version) from "${s}".store_policy_version where version > 0) as policy_version,
            c.id as earlier_id, c.request_fingerprint as earlier_fingerprint,
            (select coalesce(json_agg(json_build_object(
                'id', k.id, 'sku', k.sku, 'name', k.name, 'priceAmount', k.price_amount, 'priceCurrency', k.price_currency,
                'status', k.status, 'regionBlocks', k.region_blocks, 'maxQuantityPerOrder', k.max_quantity_per_order,
                'maxQuantityPerCustomer', k.max_quantity_per_customer, 'downPaymentAmount', k.down_payment_amount,
                'planKind', k.plan_kind, 'depositPercent', k.deposit_percent, 'fullPaymentAllowed', k.full_payment_allowed)), '[]')
               from "${s}".known_product k where k.id in (select jsonb_array_elements_text(?::jsonb)::uuid)) as products
       from (select 1) as one
       left join "${s}".checkout c on c.customer_id = ? and c.idempotency_key = ?`,
    // The ids as one JSON parameter: a list would make a statement text per cart size, and none for an empty cart.
    [customerId, customerId, customerId, JSON.stringify(productIds), customerId, idempotencyKey],
  );
  if (!row || row.policy_version === null) throw new Error('no store policy is published: orders publishes the configured preset at start');
  return {
    flags: row.flags ?? [],
    accountDeleted: row.deleted,
    country: row.country,
    policyVersion: row.policy_version,
    earlier: row.earlier_id ? { id: row.earlier_id, requestFingerprint: row.earlier_fingerprint! } : null,
    products: new Map(row.products.map((product) => [product.id, product])),
  };
}
