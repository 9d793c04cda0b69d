import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderPlacedV1, orderStatusChangedV1, topics } from '@vitrine/contracts';
import { eventually, gql, listenToTopic, type TopicListener, type TypedDocumentNode } from '@vitrine/testing';
import { graphql } from '../__generated__/index.js';
import { bootCatalog, createProduct, createWarehouseMutation, type CatalogHarness } from './harness.js';

// Staff correct and retire warehouses and remove studios: each change audited, each refusal coded, readable and
// changing nothing. Retired warehouses take no units (receipts, arrivals, a new product's stock) and stay listed.
let catalog: CatalogHarness;
let stockEvents: TopicListener;

beforeAll(async () => {
  catalog = await bootCatalog('warehouses_studios');
  stockEvents = await listenToTopic(catalog, topics.catalogStock);
});
afterAll(async () => {
  await stockEvents?.stop();
  await catalog?.stop();
});

const staff = <TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables) =>
  gql(catalog.url, document, variables, catalog.admin.headers);
const firstError = (res: { errors?: readonly { message: string; extensions?: Record<string, any> }[] }) => res.errors?.[0];

const updateWarehouse = graphql(`
  mutation WarehousesUpdate($id: ID!, $input: UpdateWarehouseInput!) {
    updateWarehouse(id: $id, input: $input) {
      id
      code
      name
      country
      heldByFactory
      allocationPriority
      retiredAt
    }
  }
`);
const retireWarehouse = graphql(`
  mutation WarehousesRetire($id: ID!) {
    retireWarehouse(id: $id) {
      id
      code
      retiredAt
    }
  }
`);
const warehousesQuery = graphql(`
  query WarehousesList {
    warehouses {
      id
      code
      retiredAt
    }
  }
`);
const receive = graphql(`
  mutation WarehousesReceive($p: ID!, $w: ID!, $q: Int!) {
    receiveStock(productId: $p, warehouseId: $w, quantity: $q) {
      id
    }
  }
`);
const adjust = graphql(`
  mutation WarehousesAdjust($p: ID!, $w: ID!, $d: Int!, $r: String!) {
    adjustStock(productId: $p, warehouseId: $w, delta: $d, reason: $r) {
      id
    }
  }
`);
const arrive = graphql(`
  mutation WarehousesArrive($p: ID!, $w: ID!, $q: Int!) {
    arrivedAtWarehouse(productId: $p, warehouseId: $w, quantity: $q) {
      surplus
    }
  }
`);
const studioQuery = graphql(`
  query WarehousesStudio($id: ID!) {
    studio(id: $id) {
      id
      name
      country
      contactEmail
    }
  }
`);
const createStudio = graphql(`
  mutation WarehousesCreateStudio($input: CreateStudioInput!) {
    createStudio(input: $input) {
      id
    }
  }
`);
const removeStudio = graphql(`
  mutation WarehousesRemoveStudio($id: ID!) {
    removeStudio(id: $id) {
      id
      name
    }
  }
`);

const newWarehouse = async (code: string, allocationPriority = 5) => {
  const res = await staff(createWarehouseMutation, { input: { code, name: `Warehouse ${code}`, country: 'FR', heldByFactory: false, allocationPriority } });
  expect(res.errors).toBeUndefined();
  return res.data!.createWarehouse.id;
};
const warehouseRow = async (id: string) => (await catalog.sql('select * from catalog.warehouse where id = ?', [id]))[0];
const auditOf = (subject: string) =>
  catalog.sql<{ action: string; actor: string; details: any }>('select action, actor, details from catalog.audit_entry where subject = ? order by at, id', [
    subject,
  ]);
const movementsOf = async (warehouseId: string) =>
  Number((await catalog.sql<{ n: string }>('select count(*) as n from catalog.stock_movement where warehouse_id = ?', [warehouseId]))[0]!.n);

async function placeOrder(productId: string, quantity: number): Promise<string> {
  const orderId = randomUUID();
  await catalog.publish({
    source: 'orders',
    definition: orderPlacedV1,
    subject: orderId,
    data: { orderId, customerId: catalog.customer.id, lines: [{ productId, quantity }] },
  });
  await eventually(() => stockEvents.received.some((e) => e.subject === orderId && e.type === 'catalog.stock.reserved'));
  return orderId;
}
async function cancelOrder(orderId: string): Promise<void> {
  await catalog.publish({ source: 'orders', definition: orderStatusChangedV1, subject: orderId, data: { orderId, from: 'AWAITING_PAYMENT', to: 'CANCELLED' } });
  await eventually(() => stockEvents.received.some((e) => e.subject === orderId && e.type === 'catalog.stock.released'));
}

describe('updateWarehouse', () => {
  it('corrects the name and priority (cleaned, audited field by field); the same values again change and audit nothing', async () => {
    const id = await newWarehouse('WS-EDIT');
    const res = await staff(updateWarehouse, { id, input: { name: '  Lyon north ', allocationPriority: 2 } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateWarehouse).toEqual({
      id,
      code: 'WS-EDIT',
      name: 'Lyon north',
      country: 'FR',
      heldByFactory: false,
      allocationPriority: 2,
      retiredAt: null,
    });
    expect(await warehouseRow(id)).toMatchObject({ name: 'Lyon north', allocation_priority: 2 });
    expect((await auditOf(id)).slice(1)).toEqual([
      {
        action: 'warehouse.updated',
        actor: catalog.admin.id,
        details: { code: 'WS-EDIT', changes: { name: { from: 'Warehouse WS-EDIT', to: 'Lyon north' }, allocationPriority: { from: 5, to: 2 } } },
      },
    ]);
    const again = await staff(updateWarehouse, { id, input: { name: 'Lyon north', heldByFactory: false } });
    expect(again.errors).toBeUndefined();
    expect(await auditOf(id)).toHaveLength(2);
  });

  it('refuses bad fields, an empty change, an unknown or malformed id and a factory flag over stock, changing nothing', async () => {
    const id = await newWarehouse('WS-REFUSE');
    await createProduct(catalog, 3, 1000, { warehouseId: id });
    const before = await warehouseRow(id);
    const audited = (await auditOf(id)).length;

    const bad = firstError(await staff(updateWarehouse, { id, input: { name: ' ', allocationPriority: 1001 } }));
    expect(bad?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad?.extensions?.problems.map((p: any) => [p.field, p.reason])).toEqual([
      ['name', 'INVALID_LENGTH'],
      ['allocationPriority', 'OUT_OF_RANGE'],
    ]);
    expect(firstError(await staff(updateWarehouse, { id, input: {} }))?.extensions?.problems[0].reason).toBe('EMPTY_CHANGE');
    const unknown = firstError(await staff(updateWarehouse, { id: randomUUID(), input: { name: 'Elsewhere' } }));
    expect(unknown?.extensions?.code).toBe('NOT_FOUND');
    expect(firstError(await staff(updateWarehouse, { id: 'not-an-id', input: { name: 'Elsewhere' } }))?.extensions?.code).toBe('BAD_USER_INPUT');
    const factory = firstError(await staff(updateWarehouse, { id, input: { heldByFactory: true, name: 'Renamed too' } }));
    expect(factory?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'WAREHOUSE_HOLDS_STOCK', onHand: 3, reserved: 0 });
    expect(factory?.message).toMatch(/WS-REFUSE holds 3 units/);
    // Customers and other staff scopes cannot change warehouses.
    expect((await gql(catalog.url, updateWarehouse, { id, input: { name: 'Mine' } }, catalog.customer.headers)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );

    expect(await warehouseRow(id)).toEqual(before);
    expect(await auditOf(id)).toHaveLength(audited);
  });
});

describe('retireWarehouse', () => {
  it('is refused while the warehouse holds units or reserved ones; once emptied it retires, stays listed with its ledger and takes no more units', async () => {
    // Priority 0: drawn from before the harness's French warehouse (10), so the order's unit is reserved here.
    const id = await newWarehouse('WS-RETIRE', 0);
    const product = await createProduct(catalog, 2, 1000, { warehouseId: id });
    const orderId = await placeOrder(product.id, 1);
    expect(await catalog.sql('select on_hand, reserved from catalog.warehouse_stock where warehouse_id = ?', [id])).toEqual([{ on_hand: 2, reserved: 1 }]);
    const before = await warehouseRow(id);

    const refused = firstError(await staff(retireWarehouse, { id }));
    expect(refused?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'WAREHOUSE_HOLDS_STOCK', onHand: 2, reserved: 1 });
    expect(refused?.message).toMatch(/still holds 2 units, 1 of them reserved for orders: move them .* or write them off/);
    await cancelOrder(orderId);
    expect(firstError(await staff(retireWarehouse, { id }))?.extensions).toMatchObject({ rule: 'WAREHOUSE_HOLDS_STOCK', onHand: 2, reserved: 0 });
    expect(await warehouseRow(id)).toEqual(before);
    expect((await auditOf(id)).map((a) => a.action)).toEqual(['warehouse.created']);

    expect((await staff(adjust, { p: product.id, w: id, d: -2, r: 'Moved to Lyon.' })).errors).toBeUndefined();
    const retired = await staff(retireWarehouse, { id });
    expect(retired.errors).toBeUndefined();
    const retiredAt = retired.data!.retireWarehouse.retiredAt;
    expect(retiredAt).toEqual(expect.any(String));
    expect((await auditOf(id)).slice(1)).toEqual([
      { action: 'warehouse.retired', actor: catalog.admin.id, details: { code: 'WS-RETIRE', name: 'Warehouse WS-RETIRE' } },
    ]);
    // Twice is a no-op: the same date, no second entry.
    expect((await staff(retireWarehouse, { id })).data!.retireWarehouse.retiredAt).toBe(retiredAt);
    expect(await auditOf(id)).toHaveLength(2);

    const listed = (await staff(warehousesQuery, {})).data!.warehouses;
    expect(listed.at(-1)).toEqual({ id, code: 'WS-RETIRE', retiredAt });
    expect(listed.filter((w) => w.retiredAt === null).map((w) => w.code)).toEqual(expect.arrayContaining(['E2E-FR', 'E2E-CN']));
    // Its ledger is kept: received 2, reserved and released 1, adjusted -2.
    const movements = await movementsOf(id);
    expect(movements).toBe(4);

    // No more units go in: receipts, arrivals, upward adjustments and a new product's stock are refused, changing nothing.
    for (const res of [
      await staff(receive, { p: product.id, w: id, q: 1 }),
      await staff(arrive, { p: product.id, w: id, q: 1 }),
      await staff(adjust, { p: product.id, w: id, d: 1, r: 'Found one.' }),
    ]) {
      expect(firstError(res)?.extensions?.problems).toEqual([
        expect.objectContaining({
          field: 'warehouseId',
          reason: 'WAREHOUSE_RETIRED',
          message: 'WS-RETIRE is retired: it takes no more units. Choose another warehouse.',
        }),
      ]);
    }
    await expect(createProduct(catalog, 1, 1000, { warehouseId: id })).rejects.toThrow(/WAREHOUSE_RETIRED/);
    expect(await movementsOf(id)).toBe(movements);
    expect(await catalog.sql('select on_hand, reserved from catalog.warehouse_stock where warehouse_id = ?', [id])).toEqual([{ on_hand: 0, reserved: 0 }]);

    // A product's stock with no warehouse named goes to the first one in use, not the retired one drawn first before.
    const defaulted = await createProduct(catalog, 1, 1000, { warehouseId: undefined });
    const firstInUse = listed.find((w) => w.retiredAt === null)!.id;
    expect(await catalog.sql('select warehouse_id from catalog.warehouse_stock where product_id = ?', [defaulted.id])).toEqual([{ warehouse_id: firstInUse }]);
    // Editing a retired warehouse's name is still allowed (it is still listed), and it stays retired.
    expect((await staff(updateWarehouse, { id, input: { name: 'Old Lyon' } })).data!.updateWarehouse).toMatchObject({ name: 'Old Lyon', retiredAt });
  });

  it('refuses an unknown or malformed id', async () => {
    expect(firstError(await staff(retireWarehouse, { id: randomUUID() }))?.extensions?.code).toBe('NOT_FOUND');
    expect(firstError(await staff(retireWarehouse, { id: 'nope' }))?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('studio and removeStudio', () => {
  it('reads one studio; refuses to remove one products name, changing nothing; removes an unused one with its last values audited', async () => {
    const made = (await staff(createStudio, { input: { name: 'Used Studio', country: 'JP', contactEmail: 'used@studio.example' } })).data!.createStudio.id;
    const unused = (await staff(createStudio, { input: { name: 'Unused Studio', country: 'CN', contactEmail: 'unused@studio.example' } })).data!.createStudio
      .id;
    await createProduct(catalog, 0, 1000, { studioId: made });
    await createProduct(catalog, 0, 1000, { studioId: made });

    expect((await staff(studioQuery, { id: made })).data!.studio).toEqual({
      id: made,
      name: 'Used Studio',
      country: 'JP',
      contactEmail: 'used@studio.example',
    });
    expect((await staff(studioQuery, { id: randomUUID() })).data!.studio).toBeNull();
    expect(firstError(await staff(studioQuery, { id: 'bad' }))?.extensions?.code).toBe('BAD_USER_INPUT');

    const refused = firstError(await staff(removeStudio, { id: made }));
    expect(refused?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'STUDIO_HAS_PRODUCTS', products: 2 });
    expect(refused?.message).toBe('Used Studio makes 2 products: give them another studio (or none) before removing it.');
    expect((await staff(studioQuery, { id: made })).data!.studio?.name).toBe('Used Studio');
    expect((await auditOf(made)).map((a) => a.action)).toEqual(['studio.created']);
    expect(firstError(await staff(removeStudio, { id: randomUUID() }))?.extensions?.code).toBe('NOT_FOUND');
    expect((await gql(catalog.url, removeStudio, { id: unused }, catalog.customer.headers)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const removed = await staff(removeStudio, { id: unused });
    expect(removed.errors).toBeUndefined();
    expect(removed.data!.removeStudio).toEqual({ id: unused, name: 'Unused Studio' });
    expect((await staff(studioQuery, { id: unused })).data!.studio).toBeNull();
    expect(await catalog.sql('select id from catalog.studio where id = ?', [unused])).toEqual([]);
    expect((await auditOf(unused)).slice(1)).toEqual([
      { action: 'studio.removed', actor: catalog.admin.id, details: { name: 'Unused Studio', country: 'CN', contactEmail: 'unused@studio.example' } },
    ]);
    expect(firstError(await staff(removeStudio, { id: unused }))?.extensions?.code).toBe('NOT_FOUND');
  });
});
