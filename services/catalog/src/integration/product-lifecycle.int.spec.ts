import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topics } from '@vitrine/contracts';
import { eventually, gql, listenToTopic, type TestIdentity, type TopicListener } from '@vitrine/testing';
import { graphql } from '../__generated__/index.js';
import type { ProductStatus } from '../__generated__/graphql.js';
import { bootCatalog, createProduct, type CatalogHarness } from './harness.js';

// Staff move products through their statuses and slip their release dates;
// each change is audited, kept, and announced on the real Kafka broker.
let catalog: CatalogHarness;
let listener: TopicListener;

beforeAll(async () => {
  catalog = await bootCatalog('product_lifecycle');
  listener = await listenToTopic(catalog, topics.catalogProduct);
});
afterAll(async () => {
  await listener?.stop();
  await catalog?.stop();
});

graphql(`
  fragment LifecycleFields on Product {
    id
    status
    releaseEstimate
  }
`);
const statusMutation = graphql(`
  mutation LifecycleStatus($id: ID!, $status: ProductStatus!, $reason: String!) {
    changeProductStatus(productId: $id, status: $status, reason: $reason) {
      ...LifecycleFields
    }
  }
`);
const releaseMutation = graphql(`
  mutation LifecycleRelease($id: ID!, $estimate: String!, $reason: String!) {
    changeReleaseDate(productId: $id, estimate: $estimate, reason: $reason) {
      ...LifecycleFields
    }
  }
`);
const historyQuery = graphql(`
  query LifecycleHistory($id: ID!) {
    product(id: $id) {
      ...LifecycleFields
      releaseDateHistory {
        oldEstimate
        newEstimate
        reason
        changedBy
        changedAt
      }
    }
  }
`);

const sql = <T = any>(query: string, params: unknown[] = []) => catalog.sql<T>(query, params);
const setStatus = (who: TestIdentity, id: string, status: ProductStatus, reason = 'Per the maker.') =>
  gql(catalog.url, statusMutation, { id, status, reason }, who.headers);
const setRelease = (who: TestIdentity, id: string, estimate: string, reason: string) =>
  gql(catalog.url, releaseMutation, { id, estimate, reason }, who.headers);
const eventsOf = (productId: string, type: string) => listener.received.filter((e) => e.subject === productId && e.type === type).map((e) => e.data);

async function announcedProduct(): Promise<string> {
  const sku = `ANN-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const res = await gql(
    catalog.url,
    graphql(`
      mutation LifecycleCreateAnnounced($input: CreateProductInput!) {
        createProduct(input: $input) {
          id
          status
        }
      }
    `),
    { input: { sku, name: `Statue ${sku}`, price: { amount: 59900, currency: 'EUR' }, stock: 0, status: 'ANNOUNCED' } },
    catalog.admin.headers,
  );
  expect(res.errors).toBeUndefined();
  expect(res.data!.createProduct.status).toBe('ANNOUNCED');
  return res.data!.createProduct.id;
}

describe('changeProductStatus', () => {
  it('products created without a status are IN_STOCK (orderable at once), and creation is audited', async () => {
    const product = await createProduct(catalog, 5);
    expect((await gql(catalog.url, historyQuery, { id: product.id })).data!.product).toMatchObject({
      status: 'IN_STOCK',
      releaseEstimate: null,
      releaseDateHistory: [],
    });
    expect(await sql('select actor, action from catalog.audit_entry where subject = ?', [product.id])).toEqual([
      { actor: catalog.admin.id, action: 'product.created' },
    ]);
  });

  it('walks a product from announcement to release: each move audited and announced, ProductReleased on release', async () => {
    const id = await announcedProduct();
    for (const status of ['PREORDER', 'PREORDER_CLOSED', 'RELEASED', 'IN_STOCK'] as const) {
      const res = await setStatus(catalog.admin, id, status, `Now ${status}.`);
      expect(res.errors).toBeUndefined();
      expect(res.data!.changeProductStatus.status).toBe(status);
    }
    const audit = await sql("select actor, details from catalog.audit_entry where subject = ? and action = 'product.status-changed' order by at", [id]);
    expect(audit.map((a) => [a.actor, a.details.from, a.details.to])).toEqual([
      [catalog.admin.id, 'ANNOUNCED', 'PREORDER'],
      [catalog.admin.id, 'PREORDER', 'PREORDER_CLOSED'],
      [catalog.admin.id, 'PREORDER_CLOSED', 'RELEASED'],
      [catalog.admin.id, 'RELEASED', 'IN_STOCK'],
    ]);
    await eventually(async () => eventsOf(id, 'catalog.product.status-changed').length === 4 && eventsOf(id, 'catalog.product.released').length === 1);
    expect(eventsOf(id, 'catalog.product.status-changed')[2]).toEqual({
      productId: id,
      from: 'PREORDER_CLOSED',
      to: 'RELEASED',
      reason: 'Now RELEASED.',
      actorId: catalog.admin.id,
    });
    expect(eventsOf(id, 'catalog.product.released')).toEqual([{ productId: id, releasedAt: expect.any(String) }]);
  });

  it('refuses a jump that is not allowed with POLICY_VIOLATION and writes nothing', async () => {
    const id = await announcedProduct();
    const auditBefore = await sql('select count(*)::int as n from catalog.audit_entry where subject = ?', [id]);
    const refused = await setStatus(catalog.admin, id, 'IN_STOCK');
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'PRODUCT_STATUS_TRANSITION', from: 'ANNOUNCED', to: 'IN_STOCK' });
    expect(await sql('select status from catalog.product where id = ?', [id])).toEqual([{ status: 'ANNOUNCED' }]);
    expect(await sql('select count(*)::int as n from catalog.audit_entry where subject = ?', [id])).toEqual(auditBefore);
    expect(await sql("select count(*)::int as n from catalog.outbox_message where key = ? and type <> 'catalog.product.published'", [id])).toEqual([{ n: 0 }]);
  });

  it('needs a reason, and refuses customers (FORBIDDEN) and anonymous callers, writing nothing', async () => {
    const id = await announcedProduct();
    expect((await setStatus(catalog.admin, id, 'PREORDER', '  ')).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ field: 'reason', reason: 'REQUIRED' }],
    });
    expect((await setStatus(catalog.customer, id, 'PREORDER')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gql(catalog.url, statusMutation, { id, status: 'PREORDER', reason: 'x' })).errors?.[0]?.extensions?.code).toMatch(
      /FORBIDDEN|UNAUTHENTICATED/,
    );
    expect(await sql('select status from catalog.product where id = ?', [id])).toEqual([{ status: 'ANNOUNCED' }]);
    expect(await sql("select count(*)::int as n from catalog.audit_entry where subject = ? and action <> 'product.created'", [id])).toEqual([{ n: 0 }]);
  });
});

describe('changeReleaseDate', () => {
  it('three slips: each kept with its reason, and each a ReleaseDateChanged on the broker with old and new', async () => {
    const id = await announcedProduct();
    await setStatus(catalog.admin, id, 'PREORDER');
    const slips = [
      ['2027-03', 'Announced at Wonder Festival.'],
      ['2027-06', 'Factory moved production to a new line.'],
      ['2027-09-14', 'Paint master revised; exact day from the maker.'],
    ] as const;
    for (const [estimate, reason] of slips) {
      const res = await setRelease(catalog.admin, id, estimate, reason);
      expect(res.errors).toBeUndefined();
      expect(res.data!.changeReleaseDate.releaseEstimate).toBe(estimate);
    }
    const staffView = await gql(catalog.url, historyQuery, { id }, catalog.admin.headers);
    expect(staffView.data!.product!.releaseEstimate).toBe('2027-09-14');
    expect(staffView.data!.product!.releaseDateHistory).toEqual([
      { oldEstimate: null, newEstimate: '2027-03', reason: slips[0][1], changedBy: catalog.admin.id, changedAt: expect.any(String) },
      { oldEstimate: '2027-03', newEstimate: '2027-06', reason: slips[1][1], changedBy: catalog.admin.id, changedAt: expect.any(String) },
      { oldEstimate: '2027-06', newEstimate: '2027-09-14', reason: slips[2][1], changedBy: catalog.admin.id, changedAt: expect.any(String) },
    ]);
    await eventually(async () => eventsOf(id, 'catalog.product.release-date-changed').length === 3);
    expect(eventsOf(id, 'catalog.product.release-date-changed')).toEqual([
      { productId: id, oldEstimate: null, newEstimate: '2027-03', reason: slips[0][1], actorId: catalog.admin.id },
      { productId: id, oldEstimate: '2027-03', newEstimate: '2027-06', reason: slips[1][1], actorId: catalog.admin.id },
      { productId: id, oldEstimate: '2027-06', newEstimate: '2027-09-14', reason: slips[2][1], actorId: catalog.admin.id },
    ]);
    expect(await sql("select count(*)::int as n from catalog.audit_entry where subject = ? and action = 'product.release-date-changed'", [id])).toEqual([
      { n: 3 },
    ]);
  });

  it('refuses an estimate in the past for an unreleased product, and writes nothing', async () => {
    const id = await announcedProduct();
    const past = await setRelease(catalog.admin, id, '2001-01-01', 'Typo in the year.');
    expect(past.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ field: 'estimate', reason: 'RELEASE_ESTIMATE_IN_PAST' }] });
    expect(await sql('select count(*)::int as n from catalog.release_date_change where product_id = ?', [id])).toEqual([{ n: 0 }]);
  });

  it('customers see the history and reasons but not who changed it', async () => {
    const id = await announcedProduct();
    await setRelease(catalog.admin, id, '2027-11', 'First estimate.');
    const publicView = await gql(
      catalog.url,
      graphql(`
        query LifecyclePublicHistory($id: ID!) {
          product(id: $id) {
            releaseDateHistory {
              newEstimate
              reason
            }
          }
        }
      `),
      { id },
      catalog.customer.headers,
    );
    expect(publicView.data!.product!.releaseDateHistory).toEqual([{ newEstimate: '2027-11', reason: 'First estimate.' }]);
    const nosy = await gql(
      catalog.url,
      graphql(`
        query LifecycleWhoChanged($id: ID!) {
          product(id: $id) {
            releaseDateHistory {
              changedBy
            }
          }
        }
      `),
      { id },
      catalog.customer.headers,
    );
    expect(nosy.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(nosy.data)).not.toContain(catalog.admin.id);
  });

  it('refuses bad input all at once, a released product, and customers; the same estimate twice records nothing more', async () => {
    const id = await announcedProduct();
    const bad = await setRelease(catalog.admin, id, '2027-02-30', '');
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(bad.errors?.[0]?.extensions?.problems.map((p: any) => p.field)).toEqual(['estimate', 'reason']);
    expect((await setRelease(catalog.customer, id, '2027-05', 'Sneaky')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    await setRelease(catalog.admin, id, '2027-05', 'Estimate.');
    expect((await setRelease(catalog.admin, id, '2027-05', 'Retry of the same change.')).errors).toBeUndefined();
    expect(await sql('select count(*)::int as n from catalog.release_date_change where product_id = ?', [id])).toEqual([{ n: 1 }]);

    const inStock = await createProduct(catalog, 3);
    const fixed = await setRelease(catalog.admin, inStock.id, '2027-05', 'Too late.');
    expect(fixed.errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'RELEASE_DATE_FIXED' });
  });
});
