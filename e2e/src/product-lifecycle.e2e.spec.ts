import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topics } from '@vitrine/contracts';
import { eventually, gql } from '@vitrine/testing';
import type { Identity } from './support/identities.js';
import { createProduct, startTestStack, type TestStack } from './support/stack.js';
import { listenToTopic, type TopicListener } from '@vitrine/testing';

// Staff move products through their statuses and slip their release dates;
// each change is audited, kept, and announced on the real Kafka broker.
let stack: TestStack;
let listener: TopicListener;

beforeAll(async () => {
  stack = await startTestStack({ label: 'product_lifecycle' });
  listener = await listenToTopic(stack, topics.catalogProduct);
});
afterAll(async () => {
  await listener?.stop();
  await stack?.stop();
});

const productFields = 'id status releaseEstimate';
const statusMutation = `mutation($id: ID!, $status: ProductStatus!, $reason: String!) { changeProductStatus(productId: $id, status: $status, reason: $reason) { ${productFields} } }`;
const releaseMutation = `mutation($id: ID!, $estimate: String!, $reason: String!) { changeReleaseDate(productId: $id, estimate: $estimate, reason: $reason) { ${productFields} } }`;
const historyQuery = `query($id: ID!) { product(id: $id) { ${productFields} releaseDateHistory { oldEstimate newEstimate reason changedBy changedAt } } }`;

const sql = <T = any>(query: string, params: unknown[] = []) => stack.catalog.orm.em.fork().getConnection().execute<T[]>(query, params);
const setStatus = (who: Identity, id: string, status: string, reason = 'Per the maker.') =>
  gql(stack.catalog.url, statusMutation, { id, status, reason }, who.headers);
const setRelease = (who: Identity, id: string, estimate: string, reason: string) =>
  gql(stack.catalog.url, releaseMutation, { id, estimate, reason }, who.headers);
const eventsOf = (productId: string, type: string) => listener.received.filter((e) => e.subject === productId && e.type === type).map((e) => e.data);

async function announcedProduct(): Promise<string> {
  const sku = `ANN-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const res = await gql(
    stack.catalog.url,
    `mutation($input: CreateProductInput!) { createProduct(input: $input) { id status } }`,
    { input: { sku, name: `Statue ${sku}`, price: { amount: 59900, currency: 'EUR' }, stock: 0, status: 'ANNOUNCED' } },
    stack.admin.headers,
  );
  expect(res.errors).toBeUndefined();
  expect(res.data.createProduct.status).toBe('ANNOUNCED');
  return res.data.createProduct.id;
}

describe('changeProductStatus', () => {
  it('products created without a status are IN_STOCK (orderable at once), and creation is audited', async () => {
    const product = await createProduct(stack, 5);
    expect((await gql(stack.catalog.url, historyQuery, { id: product.id })).data.product).toMatchObject({
      status: 'IN_STOCK',
      releaseEstimate: null,
      releaseDateHistory: [],
    });
    expect(await sql('select actor, action from catalog.audit_entry where subject = ?', [product.id])).toEqual([
      { actor: stack.admin.id, action: 'product.created' },
    ]);
  });

  it('walks a product from announcement to release: each move audited and announced, ProductReleased on release', async () => {
    const id = await announcedProduct();
    for (const status of ['PREORDER', 'PREORDER_CLOSED', 'RELEASED', 'IN_STOCK']) {
      const res = await setStatus(stack.admin, id, status, `Now ${status}.`);
      expect(res.errors).toBeUndefined();
      expect(res.data.changeProductStatus.status).toBe(status);
    }
    const audit = await sql("select actor, details from catalog.audit_entry where subject = ? and action = 'product.status-changed' order by at", [id]);
    expect(audit.map((a) => [a.actor, a.details.from, a.details.to])).toEqual([
      [stack.admin.id, 'ANNOUNCED', 'PREORDER'],
      [stack.admin.id, 'PREORDER', 'PREORDER_CLOSED'],
      [stack.admin.id, 'PREORDER_CLOSED', 'RELEASED'],
      [stack.admin.id, 'RELEASED', 'IN_STOCK'],
    ]);
    await eventually(async () => eventsOf(id, 'catalog.product.status-changed').length === 4 && eventsOf(id, 'catalog.product.released').length === 1);
    expect(eventsOf(id, 'catalog.product.status-changed')[2]).toEqual({
      productId: id,
      from: 'PREORDER_CLOSED',
      to: 'RELEASED',
      reason: 'Now RELEASED.',
      actorId: stack.admin.id,
    });
    expect(eventsOf(id, 'catalog.product.released')).toEqual([{ productId: id, releasedAt: expect.any(String) }]);
  });

  it('refuses a jump that is not allowed with POLICY_VIOLATION and writes nothing', async () => {
    const id = await announcedProduct();
    const auditBefore = await sql('select count(*)::int as n from catalog.audit_entry where subject = ?', [id]);
    const refused = await setStatus(stack.admin, id, 'IN_STOCK');
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'PRODUCT_STATUS_TRANSITION', from: 'ANNOUNCED', to: 'IN_STOCK' });
    expect(await sql('select status from catalog.product where id = ?', [id])).toEqual([{ status: 'ANNOUNCED' }]);
    expect(await sql('select count(*)::int as n from catalog.audit_entry where subject = ?', [id])).toEqual(auditBefore);
    expect(await sql("select count(*)::int as n from catalog.outbox_message where key = ? and type <> 'catalog.product.published'", [id])).toEqual([{ n: 0 }]);
  });

  it('needs a reason, and refuses customers (FORBIDDEN) and anonymous callers, writing nothing', async () => {
    const id = await announcedProduct();
    expect((await setStatus(stack.admin, id, 'PREORDER', '  ')).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ field: 'reason', reason: 'REQUIRED' }],
    });
    expect((await setStatus(stack.customer, id, 'PREORDER')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gql(stack.catalog.url, statusMutation, { id, status: 'PREORDER', reason: 'x' })).errors?.[0]?.extensions?.code).toMatch(
      /FORBIDDEN|UNAUTHENTICATED/,
    );
    expect(await sql('select status from catalog.product where id = ?', [id])).toEqual([{ status: 'ANNOUNCED' }]);
    expect(await sql("select count(*)::int as n from catalog.audit_entry where subject = ? and action <> 'product.created'", [id])).toEqual([{ n: 0 }]);
  });
});

describe('changeReleaseDate', () => {
  it('three slips: each kept with its reason, and each a ReleaseDateChanged on the broker with old and new', async () => {
    const id = await announcedProduct();
    await setStatus(stack.admin, id, 'PREORDER');
    const slips = [
      ['2027-03', 'Announced at Wonder Festival.'],
      ['2027-06', 'Factory moved production to a new line.'],
      ['2027-09-14', 'Paint master revised; exact day from the maker.'],
    ] as const;
    for (const [estimate, reason] of slips) {
      const res = await setRelease(stack.admin, id, estimate, reason);
      expect(res.errors).toBeUndefined();
      expect(res.data.changeReleaseDate.releaseEstimate).toBe(estimate);
    }
    const staffView = await gql(stack.catalog.url, historyQuery, { id }, stack.admin.headers);
    expect(staffView.data.product.releaseEstimate).toBe('2027-09-14');
    expect(staffView.data.product.releaseDateHistory).toEqual([
      { oldEstimate: null, newEstimate: '2027-03', reason: slips[0][1], changedBy: stack.admin.id, changedAt: expect.any(String) },
      { oldEstimate: '2027-03', newEstimate: '2027-06', reason: slips[1][1], changedBy: stack.admin.id, changedAt: expect.any(String) },
      { oldEstimate: '2027-06', newEstimate: '2027-09-14', reason: slips[2][1], changedBy: stack.admin.id, changedAt: expect.any(String) },
    ]);
    await eventually(async () => eventsOf(id, 'catalog.product.release-date-changed').length === 3);
    expect(eventsOf(id, 'catalog.product.release-date-changed')).toEqual([
      { productId: id, oldEstimate: null, newEstimate: '2027-03', reason: slips[0][1], actorId: stack.admin.id },
      { productId: id, oldEstimate: '2027-03', newEstimate: '2027-06', reason: slips[1][1], actorId: stack.admin.id },
      { productId: id, oldEstimate: '2027-06', newEstimate: '2027-09-14', reason: slips[2][1], actorId: stack.admin.id },
    ]);
    expect(await sql("select count(*)::int as n from catalog.audit_entry where subject = ? and action = 'product.release-date-changed'", [id])).toEqual([
      { n: 3 },
    ]);
  });

  it('customers see the history and reasons but not who changed it', async () => {
    const id = await announcedProduct();
    await setRelease(stack.admin, id, '2027-11', 'First estimate.');
    const publicView = await gql(
      stack.catalog.url,
      `query($id: ID!) { product(id: $id) { releaseDateHistory { newEstimate reason } } }`,
      { id },
      stack.customer.headers,
    );
    expect(publicView.data.product.releaseDateHistory).toEqual([{ newEstimate: '2027-11', reason: 'First estimate.' }]);
    const nosy = await gql(stack.catalog.url, `query($id: ID!) { product(id: $id) { releaseDateHistory { changedBy } } }`, { id }, stack.customer.headers);
    expect(nosy.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(nosy.data)).not.toContain(stack.admin.id);
  });

  it('refuses bad input all at once, a released product, and customers; the same estimate twice records nothing more', async () => {
    const id = await announcedProduct();
    const bad = await setRelease(stack.admin, id, '2027-02-30', '');
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(bad.errors?.[0]?.extensions?.problems.map((p: any) => p.field)).toEqual(['estimate', 'reason']);
    expect((await setRelease(stack.customer, id, '2027-05', 'Sneaky')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    await setRelease(stack.admin, id, '2027-05', 'Estimate.');
    expect((await setRelease(stack.admin, id, '2027-05', 'Retry of the same change.')).errors).toBeUndefined();
    expect(await sql('select count(*)::int as n from catalog.release_date_change where product_id = ?', [id])).toEqual([{ n: 1 }]);

    const inStock = await createProduct(stack, 3);
    const fixed = await setRelease(stack.admin, inStock.id, '2027-05', 'Too late.');
    expect(fixed.errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'RELEASE_DATE_FIXED' });
  });

  it('orders reads the new events on the shared topic without parking any', async () => {
    const id = await announcedProduct();
    expect((await setRelease(stack.admin, id, '2027-09', 'First estimate.')).errors).toBeUndefined();
    // Orders has no handler for release-date changes, so it skips them without an inbox row. A status
    // change of the same product, which it does record, follows them on the same partition (the key is
    // the product id): once orders' inbox has it, orders has read past the release-date change.
    expect((await setStatus(stack.admin, id, 'PREORDER')).errors).toBeUndefined();
    const envelopeOf = (type: string) => eventually(() => listener.received.find((e) => e.subject === id && e.type === type) as { id: string } | undefined);
    expect(await envelopeOf('catalog.product.release-date-changed')).toBeDefined();
    const statusChanged = await envelopeOf('catalog.product.status-changed');
    await eventually(async () => (await sql('select count(*)::int as n from orders.inbox_processed_event where event_id = ?', [statusChanged.id]))[0].n === 1);
    expect(await sql('select count(*)::int as n from orders.inbox_dead_letter')).toEqual([{ n: 0 }]);
  });
});
