import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topics } from '@vitrine/contracts';
import { eventually, gql, listenToTopic, type TopicListener, type TypedDocumentNode } from '@vitrine/testing';
import { graphql } from '../__generated__/index.js';
import { bootCatalog, type CatalogHarness } from './harness.js';

// A warehouse's return address (where customers send items back): given at creation or by updateWarehouse, checked
// by orders' shipping-address rules in the warehouse's country, audited and carried whole on the warehouse events
// (WarehouseCreated, WarehouseUpdated) that after-sales reads. Refusals change, audit and announce nothing.
let catalog: CatalogHarness;
let warehouseEvents: TopicListener;

beforeAll(async () => {
  catalog = await bootCatalog('warehouse_return_address');
  warehouseEvents = await listenToTopic(catalog, topics.catalogWarehouse);
});
afterAll(async () => {
  await warehouseEvents?.stop();
  await catalog?.stop();
});

const staff = <TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables) =>
  gql(catalog.url, document, variables, catalog.admin.headers);

const create = graphql(`
  mutation ReturnAddressCreateWarehouse($input: CreateWarehouseInput!) {
    createWarehouse(input: $input) {
      id
      country
      returnAddress {
        name
        line1
        line2
        postalCode
        city
        region
        country
      }
    }
  }
`);
const update = graphql(`
  mutation ReturnAddressUpdateWarehouse($id: ID!, $input: UpdateWarehouseInput!) {
    updateWarehouse(id: $id, input: $input) {
      id
      name
      returnAddress {
        name
        line1
        line2
        postalCode
        city
        region
        country
      }
    }
  }
`);
const list = graphql(`
  query ReturnAddressWarehouses {
    warehouses {
      id
      returnAddress {
        line1
        city
      }
    }
  }
`);

const lyon = { name: ' Vitrine Returns ', line1: '14 rue de la Soie', line2: '', postalCode: ' 69100', city: 'Villeurbanne', region: null };
const lyonClean = { name: 'Vitrine Returns', line1: '14 rue de la Soie', line2: null, postalCode: '69100', city: 'Villeurbanne', region: null, country: 'FR' };
const eventsOf = (id: string) => warehouseEvents.received.filter((e) => e.subject === id);
/** The warehouse's events in catalog's outbox: written in the transaction of each change, so read without waiting. */
const staged = async (id: string) =>
  (await catalog.sql<{ n: number }>("select count(*)::int as n from catalog.outbox_message where key = ? and type like 'catalog.warehouse.%'", [id]))[0]!.n;
const auditOf = (id: string) =>
  catalog.sql<{ action: string; details: any }>('select action, details from catalog.audit_entry where subject = ? order by at, id', [id]);

describe('a warehouse return address', () => {
  it('is given at creation, cleaned, in the warehouse country, audited and on WarehouseCreated', async () => {
    const res = await staff(create, {
      input: { code: 'RA-LYS', name: 'Lyon returns', country: 'fr', heldByFactory: false, allocationPriority: 50, returnAddress: lyon },
    });
    expect(res.errors).toBeUndefined();
    const { id, returnAddress } = res.data!.createWarehouse;
    expect(returnAddress).toEqual(lyonClean);
    expect((await catalog.sql('select return_address from catalog.warehouse where id = ?', [id]))[0]).toEqual({ return_address: lyonClean });
    expect((await auditOf(id))[0]).toMatchObject({ action: 'warehouse.created', details: { returnAddress: lyonClean } });
    await eventually(() => eventsOf(id).length === 1);
    expect(eventsOf(id)[0]).toMatchObject({
      type: 'catalog.warehouse.created',
      version: 1,
      data: { warehouseId: id, code: 'RA-LYS', country: 'FR', returnAddress: lyonClean },
    });
    expect((await staff(list, {})).data!.warehouses.find((w) => w.id === id)?.returnAddress).toEqual({ line1: '14 rue de la Soie', city: 'Villeurbanne' });
  });

  it('is set later by updateWarehouse: audited before and after, WarehouseUpdated carries the warehouse whole; the same address again is nothing', async () => {
    const made = await staff(create, { input: { code: 'RA-LATER', name: 'Later', country: 'FR', heldByFactory: false, allocationPriority: 50 } });
    const id = made.data!.createWarehouse.id;
    expect(made.data!.createWarehouse.returnAddress).toBeNull();
    await eventually(() => eventsOf(id).length === 1);
    expect(eventsOf(id)[0]!.data).toMatchObject({ returnAddress: null });

    const res = await staff(update, { id, input: { returnAddress: { ...lyon, region: 'Rhône' } } });
    expect(res.errors).toBeUndefined();
    const address = { ...lyonClean, region: 'Rhône' };
    expect(res.data!.updateWarehouse).toEqual({ id, name: 'Later', returnAddress: address });
    expect((await auditOf(id)).slice(1)).toEqual([
      { action: 'warehouse.updated', details: { code: 'RA-LATER', changes: { returnAddress: { from: null, to: address } } } },
    ]);
    await eventually(() => eventsOf(id).length === 2);
    expect(eventsOf(id)[1]).toMatchObject({
      type: 'catalog.warehouse.updated',
      version: 1,
      data: { warehouseId: id, code: 'RA-LATER', name: 'Later', country: 'FR', heldByFactory: false, returnAddress: address, changed: ['returnAddress'] },
    });

    // A rename alone keeps the address and says it whole again.
    await staff(update, { id, input: { name: 'Later renamed' } });
    await eventually(() => eventsOf(id).length === 3);
    expect(eventsOf(id)[2]!.data).toMatchObject({ name: 'Later renamed', returnAddress: address, changed: ['name'] });

    // The same address (spacing aside) changes, audits and announces nothing.
    expect((await staff(update, { id, input: { returnAddress: { ...lyon, region: ' Rhône ' } } })).errors).toBeUndefined();
    expect(await auditOf(id)).toHaveLength(3);
    // Read in the outbox the change would have written with it, not awaited on Kafka: no pause to guess.
    expect(await staged(id)).toBe(3);
  });

  it("is refused by orders' shipping-address rules, every field at once, changing nothing", async () => {
    const made = await staff(create, {
      input: { code: 'RA-BAD', name: 'Bad', country: 'FR', heldByFactory: false, allocationPriority: 50, returnAddress: lyon },
    });
    const id = made.data!.createWarehouse.id;
    const before = await catalog.sql('select * from catalog.warehouse where id = ?', [id]);
    const refused = await staff(update, { id, input: { name: 'Renamed', returnAddress: { ...lyon, line1: ' ', postalCode: '1'.repeat(20), city: '' } } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.extensions?.problems.map((p: any) => [p.field, p.reason, p.message])).toEqual([
      ['returnAddress.line1', 'INVALID', 'Please fill this in correctly.'],
      ['returnAddress.city', 'INVALID', 'Please fill this in correctly.'],
    ]);
    // Longer than a shipping address's field: refused before the use case.
    const tooLong = await staff(update, { id, input: { returnAddress: { ...lyon, postalCode: '1'.repeat(21) } } });
    expect(tooLong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // At creation too: nothing is created.
    const notMade = await staff(create, {
      input: { code: 'RA-NONE', name: 'None', country: 'FR', heldByFactory: false, allocationPriority: 50, returnAddress: { ...lyon, name: '' } },
    });
    expect(notMade.errors?.[0]?.extensions?.problems.map((p: any) => p.field)).toEqual(['returnAddress.name']);
    expect(await catalog.sql("select id from catalog.warehouse where code = 'RA-NONE'")).toEqual([]);

    expect(await catalog.sql('select * from catalog.warehouse where id = ?', [id])).toEqual(before);
    expect(await auditOf(id)).toHaveLength(1);
    expect(await staged(id)).toBe(1);
  });
});
