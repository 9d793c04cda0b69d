import type { EntityManager } from '@mikro-orm/postgresql';
import { orders } from '../identity.js';

const s = orders.dbSchema;

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
}

/**
 * One statement for what used to be five round trips inside the checkout's
 * transaction (the key's earlier use, flags and deleted account, region,
 * policy version), each holding a pooled connection idle while a busy event
 * loop came back to send the next: every order pays for them.
 */
export async function readCheckoutContext(em: EntityManager, customerId: string, idempotencyKey: string | null): Promise<CheckoutContext> {
  const [row] = await em.execute<
    {
      flags: string[] | null;
      deleted: boolean;
      country: string | null;
      policy_version: number | null;
      earlier_id: string | null;
      earlier_fingerprint: string | null;
    }[]
  >(
    `select (select array_agg(flag order by flag) from "${s}".customer_flag where customer_id = ? and active) as flags,
            exists (select 1 from "${s}".deleted_customer where customer_id = ?) as deleted,
            (select country from "${s}".customer_region where customer_id = ?) as country,
            (select max(version) from "${s}".store_policy_version where version > 0) as policy_version,
            c.id as earlier_id, c.request_fingerprint as earlier_fingerprint
       from (select 1) as one
       left join "${s}".checkout c on c.customer_id = ? and c.idempotency_key = ?`,
    [customerId, customerId, customerId, customerId, idempotencyKey],
  );
  if (!row || row.policy_version === null) throw new Error('no store policy is published: orders publishes the configured preset at start');
  return {
    flags: row.flags ?? [],
    accountDeleted: row.deleted,
    country: row.country,
    policyVersion: row.policy_version,
    earlier: row.earlier_id ? { id: row.earlier_id, requestFingerprint: row.earlier_fingerprint! } : null,
  };
}
