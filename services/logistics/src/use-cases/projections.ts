import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  EventData,
  EventEnvelope,
  orderConfirmedV1,
  paymentSucceededV1,
  productArrivedV1,
  productPublishedV1,
  refundIssuedV1,
  stockReservedV1,
  storePolicyPublishedV1,
  warehouseCreatedV1,
} from '@vitrine/contracts';
import { KnownOrder, type HeldUnits } from '../store/known-order.entity.js';
import { KnownPolicy } from '../store/known-policy.entity.js';
import { KnownProduct } from '../store/known-product.entity.js';
import { KnownWarehouse } from '../store/known-warehouse.entity.js';

type Env<T> = EventEnvelope<T>;

/** ProductPublished: the weight and boxed size estimates pack (re-published whenever they change). */
export async function rememberProduct(em: EntityManager, event: Env<EventData<typeof productPublishedV1>>): Promise<void> {
  const { productId, sku, weightGrams, packageDimensions: d } = event.data;
  await em.upsert(KnownProduct, {
    productId,
    sku,
    weightGrams: weightGrams ?? null,
    lengthMm: d?.lengthMm ?? null,
    widthMm: d?.widthMm ?? null,
    heightMm: d?.heightMm ?? null,
  });
}

export async function rememberWarehouse(em: EntityManager, event: Env<EventData<typeof warehouseCreatedV1>>): Promise<void> {
  const { warehouseId, code, name, country } = event.data;
  await em.upsert(KnownWarehouse, { warehouseId, code, name, country });
}

export async function rememberPolicy(em: EntityManager, event: Env<EventData<typeof storePolicyPublishedV1>>): Promise<void> {
  await em.upsert(KnownPolicy, { version: event.data.version, document: event.data.document });
}

/** The order's row, created on the first event about it (they come on different topics, in any order). */
async function knownOrder(em: EntityManager, orderId: string): Promise<KnownOrder> {
  const found = await em.findOne(KnownOrder, { orderId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (found) return found;
  await em.execute(`insert into ${table(em)} (order_id, paid_amount) values (?, 0) on conflict do nothing`, [orderId]);
  return em.findOneOrFail(KnownOrder, { orderId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
}

function table(em: EntityManager): string {
  return `"${em.config.get('schema') ?? 'logistics'}".known_order`;
}

/**
 * OrderConfirmed: whose order it is and under which terms. One upsert (every order gets it, under load a few hundred
 * a second): the columns it names are its own, so it needs neither the row's lock nor what the row held.
 */
export async function rememberOrderTerms(em: EntityManager, event: Env<EventData<typeof orderConfirmedV1>>): Promise<void> {
  const { orderId, customerId, kind, policyVersion, goodsTotal } = event.data;
  await em.execute(
    `insert into ${table(em)} (order_id, customer_id, kind, policy_version, currency, paid_amount) values (?, ?, ?, ?, ?, 0)
     on conflict (order_id) do update set customer_id = excluded.customer_id, kind = excluded.kind,
       policy_version = excluded.policy_version, currency = excluded.currency`,
    [orderId, customerId, kind, policyVersion, goodsTotal.currency],
  );
}

/** StockReserved: where the order's units are held. One upsert, as above: the units are catalog's word, not a sum. */
export async function rememberReservation(em: EntityManager, event: Env<EventData<typeof stockReservedV1>>): Promise<void> {
  if (!event.data.allocations) return;
  const units: HeldUnits[] = event.data.allocations.map(({ productId, warehouseId, quantity }) => ({ productId, warehouseId, quantity }));
  await em.execute(
    `insert into ${table(em)} (order_id, units, paid_amount) values (?, ?::jsonb, 0)
     on conflict (order_id) do update set units = excluded.units`,
    [event.data.orderId, JSON.stringify(units)],
  );
}

/** ProductArrived: the preorders it serves now have their units at that warehouse. */
export async function rememberArrival(em: EntityManager, event: Env<EventData<typeof productArrivedV1>>): Promise<void> {
  const { productId, warehouseId } = event.data;
  for (const moved of event.data.orders ?? []) {
    const order = await knownOrder(em, moved.orderId);
    const units: HeldUnits[] = [...(order.units ?? [])];
    let left = moved.quantity;
    for (const u of units) {
      if (left === 0) break;
      if (u.productId !== productId || u.warehouseId !== null) continue;
      const take = Math.min(left, u.quantity);
      u.quantity -= take;
      left -= take;
      units.push({ productId, warehouseId, quantity: take });
    }
    order.units = units.filter((u) => u.quantity > 0);
  }
  await em.flush();
}

/**
 * PaymentSucceeded: what each order paid, added to what it had. One upsert per order paid (every deposit and balance
 * gets it): an addition done by the row's own update, so it needs no read of the row first; the row is locked by it
 * all the same, against a refund's subtraction meanwhile.
 */
export async function rememberPayment(em: EntityManager, event: Env<EventData<typeof paymentSucceededV1>>): Promise<void> {
  for (const a of event.data.allocations) {
    await em.execute(
      `insert into ${table(em)} (order_id, currency, paid_amount) values (?, ?, ?)
       on conflict (order_id) do update set paid_amount = known_order.paid_amount + excluded.paid_amount,
         currency = coalesce(known_order.currency, excluded.currency)`,
      [a.orderId, a.amount.currency, a.amount.amount],
    );
  }
}

export async function rememberRefund(em: EntityManager, event: Env<EventData<typeof refundIssuedV1>>): Promise<void> {
  const order = await knownOrder(em, event.data.orderId);
  order.paidAmount = Math.max(order.paidAmount - event.data.amount.amount, 0);
  await em.flush();
}
