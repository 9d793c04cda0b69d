import type pg from 'pg';
import type { Seed, SeededProduct } from './seed.js';
import type { Settlement } from './pipeline.js';
import type { AcknowledgedOrder } from './workloads/place-orders.js';

interface ProductCheck {
  sku: string;
  role: string;
  initialStock: number;
  currentStock: number;
  reservedUnits: number;
  confirmedUnits: number;
  /** initial == current + reserved */
  stockOk: boolean;
  /** confirmed order units == reserved units */
  unitsOk: boolean;
}

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export interface Reconciliation {
  ok: boolean;
  ordersByStatus: { status: string; reason: string; count: number }[];
  deadLetters: { orders: number; catalog: number; accounts: number };
  products: ProductCheck[];
  checks: Check[];
  /** Orders per customer among the acknowledged ones: how evenly round-robin spread the load. */
  ordersPerCustomer: { customers: number; min: number; max: number };
}

/**
 * An order holds its units (a RESERVED stock reservation) from the moment catalog held them until it ships or ends:
 * due a first payment, secured by it (a deposit), due a later one, paid, or with the warehouse.
 */
const holdingUnits = ['AWAITING_PAYMENT', 'SECURED', 'PAYMENT_DUE', 'READY_TO_FULFIL', 'IN_FULFILMENT'];

const count = async (db: pg.Client, sql: string, params: unknown[] = []) => (await db.query<{ n: number }>(sql, params)).rows[0]!.n;

/** `extra`: products created by a workload (the drop-day product), checked like the seeded ones. */
export async function reconcile(
  db: pg.Client,
  seed: Seed,
  acknowledged: AcknowledgedOrder[],
  settlement: Settlement,
  extra: { product: SeededProduct; role: string }[] = [],
): Promise<Reconciliation> {
  const all = [...seed.products, ...extra.map((e) => e.product)];
  const acknowledgedIds = acknowledged.map((o) => o.id);
  const ordersByStatus = (
    await db.query<{ status: string; reason: string; count: number }>(
      `select status, coalesce(status_reason, '') as reason, count(*)::int as count
         from orders.customer_order group by 1, 2 order by 1, 2`,
    )
  ).rows;

  const ids = all.map((p) => p.id);
  const stock = new Map(
    (
      await db.query<{ id: string; stock: number; reserved: number }>(
        // Left to sell across the product's warehouses, and units held for orders (still RESERVED).
        `select p.id,
                (select coalesce(sum(s.on_hand - s.reserved), 0)::int from catalog.warehouse_stock s where s.product_id = p.id) as stock,
                (select coalesce(sum(r.quantity), 0)::int from catalog.stock_reservation r where r.product_id = p.id and r.state = 'RESERVED') as reserved
           from catalog.product p where p.id = any($1::uuid[])`,
        [ids],
      )
    ).rows.map((r) => [r.id, r]),
  );
  const confirmed = new Map(
    (
      await db.query<{ product_id: string; units: number }>(
        `select l.product_id, sum(l.quantity)::int as units
           from orders.order_line l join orders.customer_order o on o.id = l.order_id
          where o.status = any($1::text[]) group by l.product_id`,
        [holdingUnits],
      )
    ).rows.map((r) => [r.product_id, r.units]),
  );
  const products: ProductCheck[] = all.map((p) => {
    const row = stock.get(p.id);
    const currentStock = row?.stock ?? Number.NaN;
    const reservedUnits = row?.reserved ?? 0;
    const confirmedUnits = confirmed.get(p.id) ?? 0;
    return {
      sku: p.sku,
      role: p === seed.plenty ? 'ample stock' : p === seed.scarce ? 'scarce' : (extra.find((e) => e.product === p)?.role ?? ''),
      initialStock: p.initialStock,
      currentStock,
      reservedUnits,
      confirmedUnits,
      stockOk: p.initialStock === currentStock + reservedUnits,
      unitsOk: confirmedUnits === reservedUnits,
    };
  });

  const confirmedOrders = await count(db, `select count(*)::int as n from orders.customer_order where status = any($1::text[])`, [holdingUnits]);
  const ordersWithReservations = await count(db, 'select count(distinct order_id)::int as n from catalog.stock_reservation');
  // Both schemas live in one database here, so a cross-schema join is possible (the services never do it).
  const reservedForUnconfirmed = await count(
    db,
    `select count(distinct r.order_id)::int as n from catalog.stock_reservation r
       left join orders.customer_order o on o.id = r.order_id where o.status is null or o.status <> all($1::text[])`,
    [holdingUnits],
  );
  // Orders belong to the caller: each must be stored under the customer whose token placed it.
  const owners = new Map(
    (
      await db.query<{ id: string; customer_id: string }>('select id, customer_id from orders.customer_order where id = any($1::uuid[])', [acknowledgedIds])
    ).rows.map((r) => [r.id, r.customer_id]),
  );
  const acknowledgedFound = owners.size;
  const wrongOwner = acknowledged.filter((o) => owners.has(o.id) && owners.get(o.id) !== o.customerId).length;
  const perCustomer = new Map<string, number>();
  for (const o of acknowledged) perCustomer.set(o.customerId, (perCustomer.get(o.customerId) ?? 0) + 1);
  const counts = [...perCustomer.values()];
  const ordersPerCustomer = { customers: counts.length, min: counts.length ? Math.min(...counts) : 0, max: counts.length ? Math.max(...counts) : 0 };
  const deadLetters: Reconciliation['deadLetters'] = {
    orders: await count(db, 'select count(*)::int as n from orders.inbox_dead_letter'),
    catalog: await count(db, 'select count(*)::int as n from catalog.inbox_dead_letter'),
    // accounts consumes orders' events too (its open-orders projection).
    accounts: await count(db, 'select count(*)::int as n from accounts.inbox_dead_letter'),
  };
  const parked = Object.values(deadLetters).reduce((sum, n) => sum + n, 0);

  const badStock = products.filter((p) => !p.stockOk);
  const badUnits = products.filter((p) => !p.unitsOk);
  const { final } = settlement;
  const checks: Check[] = [
    {
      name: 'pipeline settled (outboxes drained, no PENDING order)',
      ok: settlement.settled,
      detail: `unsent outbox rows: orders ${final.ordersOutboxUnsent}, catalog ${final.catalogOutboxUnsent}; pending orders ${final.pendingOrders}; orders accounts has not caught up with ${final.accountsBehind}`,
    },
    {
      name: "accounts' order projection shows every order with its customer and status",
      ok: final.accountsBehind === 0,
      detail: `${final.accountsBehind} orders missing or different in accounts.known_order`,
    },
    {
      name: 'initial stock == current stock + reserved units, per product',
      ok: badStock.length === 0,
      detail: badStock.length ? `off for ${badStock.map((p) => p.sku).join(', ')}` : `${products.length} products`,
    },
    {
      name: 'confirmed order units == reserved units, per product',
      ok: badUnits.length === 0,
      detail: badUnits.length ? `off for ${badUnits.map((p) => p.sku).join(', ')}` : `${products.length} products`,
    },
    {
      name: `every order holding units (${holdingUnits.join(', ')}) has reservations and no other order has any`,
      ok: ordersWithReservations === confirmedOrders && reservedForUnconfirmed === 0,
      detail: `${confirmedOrders} confirmed, ${ordersWithReservations} with reservations, ${reservedForUnconfirmed} reserved but not confirmed`,
    },
    {
      name: 'every acknowledged placeOrder is stored',
      ok: acknowledgedFound === acknowledgedIds.length,
      detail: `${acknowledgedFound} of ${acknowledgedIds.length} found`,
    },
    {
      name: 'every acknowledged order belongs to the customer whose token placed it',
      ok: wrongOwner === 0,
      detail: `${acknowledgedFound - wrongOwner} of ${acknowledgedFound} stored under their customer; ${ordersPerCustomer.customers} customers, ${ordersPerCustomer.min}-${ordersPerCustomer.max} orders each`,
    },
    {
      name: 'no event parked in a dead-letter table',
      ok: parked === 0,
      detail: Object.entries(deadLetters)
        .map(([service, n]) => `${service} ${n}`)
        .join(', '),
    },
  ];
  return { ok: checks.every((c) => c.ok), ordersByStatus, deadLetters, products, checks, ordersPerCustomer };
}
