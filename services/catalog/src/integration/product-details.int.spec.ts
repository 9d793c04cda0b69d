import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topics } from '@vitrine/contracts';
import { eventually, gql, listenToTopic, type TestIdentity, type TopicListener } from '@vitrine/testing';
import { graphql } from '../__generated__/index.js';
import type { CreateProductInput, MoneyInput, ProductFilter, UpdateProductInput } from '../__generated__/graphql.js';
import { bootCatalog, type CatalogHarness } from './harness.js';

// Issue 4: product details (series, images, scale, parts, down payment...), staff
// updates, price changes and spec changes, each audited and announced on the real
// broker; listing by series, price, text and the customer's region.
let catalog: CatalogHarness;
let listener: TopicListener;
const run = randomUUID().slice(0, 8).toUpperCase();

beforeAll(async () => {
  catalog = await bootCatalog('product_details');
  listener = await listenToTopic(catalog, topics.catalogProduct);
});
afterAll(async () => {
  await listener?.stop();
  await catalog?.stop();
});

graphql(`
  fragment ProductDetailFields on Product {
    id
    name
    price {
      amount
      currency
    }
    status
    series
    licence
    description
    images
    scale
    material
    weightGrams
    packageDimensions {
      lengthMm
      widthMm
      heightMm
    }
    assembly {
      kind
      note
    }
    parts {
      name
      category
    }
    downPayment {
      required
      amount {
        amount
        currency
      }
    }
  }
`);
const createMutation = graphql(`
  mutation ProductDetailsCreate($input: CreateProductInput!) {
    createProduct(input: $input) {
      ...ProductDetailFields
      studio {
        name
      }
    }
  }
`);
const updateMutation = graphql(`
  mutation ProductDetailsUpdate($id: ID!, $input: UpdateProductInput!, $reason: String) {
    updateProduct(id: $id, input: $input, reason: $reason) {
      ...ProductDetailFields
      studio {
        id
      }
    }
  }
`);
const priceMutation = graphql(`
  mutation ProductDetailsReprice($id: ID!, $price: MoneyInput!, $reason: String!) {
    changeProductPrice(productId: $id, price: $price, reason: $reason) {
      id
      price {
        amount
        currency
      }
    }
  }
`);
const specMutation = graphql(`
  mutation ProductDetailsRecordSpecChange($id: ID!, $input: RecordSpecChangeInput!) {
    recordSpecChange(productId: $id, input: $input) {
      id
    }
  }
`);
const historyQuery = graphql(`
  query ProductDetailsSpecHistory($id: ID!) {
    product(id: $id) {
      scale
      specChanges {
        id
        changes {
          field
          from
          to
        }
        description
        reason
        changedBy
        changedAt
      }
    }
  }
`);
const statusMutation = graphql(`
  mutation ProductDetailsStatus($id: ID!, $status: ProductStatus!) {
    changeProductStatus(productId: $id, status: $status, reason: "Per the maker.") {
      status
    }
  }
`);

const sql = <T = any>(query: string, params: unknown[] = []) => catalog.sql<T>(query, params);
const eventsOf = (productId: string, type: string) => listener.received.filter((e) => e.subject === productId && e.type === type).map((e) => e.data);
const problemsOf = (res: any) => res.errors?.[0]?.extensions?.problems?.map((p: any) => [p.field, p.reason]);
let skuCounter = 0;
const sku = () => `DET-${run}-${++skuCounter}`;

async function create(input: Partial<CreateProductInput>, who: TestIdentity = catalog.admin) {
  return gql(
    catalog.url,
    createMutation,
    { input: { sku: sku(), name: `Statue ${run}`, price: { amount: 99900, currency: 'USD' }, stock: 5, ...input } },
    who.headers,
  );
}
async function created(input: Partial<CreateProductInput>) {
  const res = await create(input);
  expect(res.errors).toBeUndefined();
  return res.data!.createProduct;
}
async function studio(name: string): Promise<string> {
  const res = await gql(
    catalog.url,
    graphql(`
      mutation ProductDetailsCreateStudio($input: CreateStudioInput!) {
        createStudio(input: $input) {
          id
        }
      }
    `),
    { input: { name, country: 'JP', contactEmail: 'sales@studio.example' } },
    catalog.admin.headers,
  );
  expect(res.errors).toBeUndefined();
  return res.data!.createStudio.id;
}
const update = (id: string, input: UpdateProductInput, reason?: string, who: TestIdentity = catalog.admin) =>
  gql(catalog.url, updateMutation, { id, input, reason }, who.headers);

const tanjiro = {
  series: 'Demon Slayer',
  licence: 'Aniplex',
  description: 'Tanjiro mid-swing, water breathing effects in clear resin.',
  images: ['https://cdn.example.com/tanjiro/1.jpg', 'https://cdn.example.com/tanjiro/2.jpg'],
  scale: '1/4',
  material: 'Polystone, PVC',
  weightGrams: 8200,
  packageDimensions: { lengthMm: 620, widthMm: 480, heightMm: 710 },
  assembly: { kind: 'MAGNETS', note: 'Effects parts attach with magnets.' },
  parts: [
    { name: 'Head', category: 'HEAD_SCULPT' },
    { name: 'Nichirin sword', category: 'WEAPON_LARGE' },
    { name: 'Water effect', category: 'SCENE_PROP' },
  ],
  downPayment: { required: true, amount: { amount: 20000, currency: 'USD' } },
} satisfies Partial<CreateProductInput>;

describe('product details', () => {
  it('creating a product with bad fields reports each of them', async () => {
    const res = await gql(
      catalog.url,
      graphql(`
        mutation ProductDetailsCreateBare($input: CreateProductInput!) {
          createProduct(input: $input) {
            id
          }
        }
      `),
      { input: { sku: 'bad sku', name: '', price: { amount: -1, currency: 'usd' }, stock: -2 } },
      catalog.admin.headers,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.problems.map((p: { field: string }) => p.field).sort()).toEqual([
      'name',
      'price.amount',
      'price.currency',
      'sku',
      'stock',
    ]);
  });

  it('staff create a product with every detail; it reads back as given and is audited', async () => {
    const studioId = await studio(`Ufotable Works ${run}`);
    const product = await created({ ...tanjiro, studioId, status: 'PREORDER' });
    expect(product).toEqual({
      id: expect.any(String),
      name: `Statue ${run}`,
      price: { amount: 99900, currency: 'USD' },
      status: 'PREORDER',
      ...tanjiro,
      downPayment: { required: true, amount: { amount: 20000, currency: 'USD' } },
      studio: { name: `Ufotable Works ${run}` },
    });
    const [audit] = await sql("select details from catalog.audit_entry where subject = ? and action = 'product.created'", [product.id]);
    expect(audit.details).toMatchObject({ series: 'Demon Slayer', scale: '1/4', downPayment: { required: true, amount: 20000 }, parts: tanjiro.parts });
  });

  it('a product created without details gets the defaults', async () => {
    const product = await created({});
    expect(product).toMatchObject({
      series: null,
      licence: null,
      description: '',
      images: [],
      scale: null,
      packageDimensions: null,
      assembly: { kind: 'NONE', note: null },
      parts: [],
      downPayment: { required: false, amount: null },
    });
  });

  it('refuses bad details with every problem at once, and writes nothing', async () => {
    const before = await sql('select count(*)::int as n from catalog.product');
    const res = await create({
      price: { amount: -5, currency: 'USD' },
      images: ['http://cdn.example.com/a.jpg', 'nope'],
      scale: '1:7',
      studioId: randomUUID(),
      parts: [{ name: '', category: 'HEAD_SCULPT' }],
      packageDimensions: { lengthMm: 0, widthMm: 10, heightMm: 10 },
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(problemsOf(res)).toEqual([
      ['price.amount', 'OUT_OF_RANGE'],
      ['images.0', 'INVALID_URL'],
      ['images.1', 'INVALID_URL'],
      ['scale', 'INVALID_SCALE'],
      ['packageDimensions.lengthMm', 'OUT_OF_RANGE'],
      ['parts.0.name', 'INVALID_LENGTH'],
      ['studioId', 'UNKNOWN_STUDIO'],
    ]);
    const downTooHigh = await create({ downPayment: { required: true, amount: { amount: 99900, currency: 'USD' } } });
    expect(problemsOf(downTooHigh)).toEqual([['downPayment.amount.amount', 'OUT_OF_RANGE']]);
    const downOtherCurrency = await create({ downPayment: { required: true, amount: { amount: 100, currency: 'EUR' } } });
    expect(problemsOf(downOtherCurrency)).toEqual([['downPayment.amount.currency', 'CURRENCY_MISMATCH']]);
    expect(await sql('select count(*)::int as n from catalog.product')).toEqual(before);
  });

  it('customers cannot create, update, reprice, record spec changes or update studios (FORBIDDEN)', async () => {
    const { id } = await created({});
    const studioId = await studio(`Forbidden Works ${run}`);
    const attempts = [
      await create({}, catalog.customer),
      await update(id, { name: 'Mine now' }, undefined, catalog.customer),
      await gql(catalog.url, priceMutation, { id, price: { amount: 1, currency: 'USD' }, reason: 'cheap' }, catalog.customer.headers),
      await gql(catalog.url, specMutation, { id, input: { description: 'x', reason: 'y' } }, catalog.customer.headers),
      await gql(
        catalog.url,
        graphql(`
          mutation ProductDetailsTakeStudio($id: ID!) {
            updateStudio(id: $id, input: { name: "Mine" }) {
              id
            }
          }
        `),
        { id: studioId },
        catalog.customer.headers,
      ),
    ];
    for (const res of attempts) expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await sql('select name, price_amount from catalog.product where id = ?', [id])).toEqual([{ name: `Statue ${run}`, price_amount: 99900 }]);
    expect(await sql("select count(*)::int as n from catalog.audit_entry where subject = ? and action <> 'product.created'", [id])).toEqual([{ n: 0 }]);
  });
});

describe('updateProduct', () => {
  it('changes only the fields given, audits each change before and after; null clears', async () => {
    const { id } = await created({ ...tanjiro, status: 'IN_STOCK' });
    const studioId = await studio(`Update Works ${run}`);
    const res = await update(id, { name: 'Tanjiro Kamado 1/4', licence: null, images: ['https://cdn.example.com/tanjiro/3.jpg'], studioId, downPayment: null });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateProduct).toMatchObject({
      name: 'Tanjiro Kamado 1/4',
      licence: null,
      series: 'Demon Slayer',
      images: ['https://cdn.example.com/tanjiro/3.jpg'],
      scale: '1/4',
      studio: { id: studioId },
      downPayment: { required: false, amount: null },
    });
    const audits = await sql("select actor, details from catalog.audit_entry where subject = ? and action = 'product.updated'", [id]);
    expect(audits).toEqual([
      {
        actor: catalog.admin.id,
        details: {
          reason: null,
          changes: {
            name: { from: `Statue ${run}`, to: 'Tanjiro Kamado 1/4' },
            licence: { from: 'Aniplex', to: null },
            images: { from: tanjiro.images, to: ['https://cdn.example.com/tanjiro/3.jpg'] },
            studioId: { from: null, to: studioId },
            downPayment: { from: { required: true, amount: 20000 }, to: { required: false, amount: null } },
          },
        },
      },
    ]);
    // The new name and the dropped down payment are re-published for orders' projection.
    await eventually(async () => eventsOf(id, 'catalog.product.published').some((e) => e.name === 'Tanjiro Kamado 1/4'));
    expect(eventsOf(id, 'catalog.product.published').map((e) => e.downPayment)).toEqual([{ amount: 20000, currency: 'USD' }, null]);

    const again = await update(id, { name: 'Tanjiro Kamado 1/4' });
    expect(again.errors).toBeUndefined();
    expect(await sql("select count(*)::int as n from catalog.audit_entry where subject = ? and action = 'product.updated'", [id])).toEqual([{ n: 1 }]);
  });

  it('refuses unknown ids (NOT_FOUND), an empty change, bad values and unknown studios, and writes nothing', async () => {
    const { id } = await created({ status: 'IN_STOCK' });
    expect((await update(randomUUID(), { name: 'Ghost' })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const empty = await update(id, {});
    expect(empty.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(problemsOf(empty)).toEqual([['input', 'EMPTY_CHANGE']]);
    const bad = await update(id, { name: ' ', images: ['ftp://cdn.example.com/a.jpg'], studioId: randomUUID(), weightGrams: -1 });
    expect(problemsOf(bad)).toEqual([
      ['name', 'INVALID_LENGTH'],
      ['images.0', 'INVALID_URL'],
      ['weightGrams', 'OUT_OF_RANGE'],
      ['studioId', 'UNKNOWN_STUDIO'],
    ]);
    const downTooHigh = await update(id, { downPayment: { required: true, amount: { amount: 99900, currency: 'USD' } } });
    expect(problemsOf(downTooHigh)).toEqual([['downPayment.amount.amount', 'OUT_OF_RANGE']]);
    expect(await sql("select count(*)::int as n from catalog.audit_entry where subject = ? and action = 'product.updated'", [id])).toEqual([{ n: 0 }]);
  });

  it('before release, changing a spec field needs a reason and is recorded as a spec change (history + SpecChanged)', async () => {
    const { id } = await created({ ...tanjiro, status: 'PREORDER' });
    const noReason = await update(id, { scale: '1/6', material: 'PVC' }, '  ');
    expect(noReason.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(problemsOf(noReason)).toEqual([['reason', 'REQUIRED']]);
    expect((await sql('select scale from catalog.product where id = ?', [id]))[0].scale).toBe('1/4');

    const res = await update(id, { scale: '1/6', material: 'PVC', description: 'Smaller.' }, 'The maker reduced the size to keep the price.');
    expect(res.errors).toBeUndefined();
    const history = (await gql(catalog.url, historyQuery, { id }, catalog.admin.headers)).data!.product!;
    expect(history.scale).toBe('1/6');
    expect(history.specChanges).toEqual([
      {
        id: expect.any(String),
        changes: [
          { field: 'scale', from: '1/4', to: '1/6' },
          { field: 'material', from: 'Polystone, PVC', to: 'PVC' },
        ],
        description: null,
        reason: 'The maker reduced the size to keep the price.',
        changedBy: catalog.admin.id,
        changedAt: expect.any(String),
      },
    ]);
    await eventually(async () => eventsOf(id, 'catalog.product.spec-changed').length === 1);
    expect(eventsOf(id, 'catalog.product.spec-changed')[0]).toEqual({
      productId: id,
      specChangeId: history.specChanges[0]!.id,
      changes: history.specChanges[0]!.changes,
      description: null,
      reason: 'The maker reduced the size to keep the price.',
      changedAt: history.specChanges[0]!.changedAt,
      actorId: catalog.admin.id,
    });
  });

  it('after release, a spec field edit is a correction: no reason needed, no spec change', async () => {
    const { id } = await created({ ...tanjiro, status: 'IN_STOCK' });
    const res = await update(id, { weightGrams: 8450 });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateProduct.weightGrams).toBe(8450);
    expect((await gql(catalog.url, historyQuery, { id })).data!.product!.specChanges).toEqual([]);
    expect(await sql("select count(*)::int as n from catalog.outbox_message where key = ? and type = 'catalog.product.spec-changed'", [id])).toEqual([
      { n: 0 },
    ]);
  });
});

describe('changeProductPrice', () => {
  it('changes the price, audits it and announces PriceChanged (old and new) and the re-published product', async () => {
    const { id } = await created({ status: 'IN_STOCK', price: { amount: 45900, currency: 'EUR' } });
    const res = await gql(catalog.url, priceMutation, { id, price: { amount: 41900, currency: 'EUR' }, reason: 'Summer sale.' }, catalog.admin.headers);
    expect(res.errors).toBeUndefined();
    expect(res.data!.changeProductPrice.price).toEqual({ amount: 41900, currency: 'EUR' });
    await eventually(async () => eventsOf(id, 'catalog.product.price-changed').length === 1);
    expect(eventsOf(id, 'catalog.product.price-changed')[0]).toEqual({
      productId: id,
      oldPrice: { amount: 45900, currency: 'EUR' },
      newPrice: { amount: 41900, currency: 'EUR' },
      reason: 'Summer sale.',
      actorId: catalog.admin.id,
    });
    // Re-published with the new price, for orders' projection (e2e/src/catalog-to-orders.e2e.spec.ts follows it into orders).
    await eventually(async () => eventsOf(id, 'catalog.product.published').some((e) => e.price.amount === 41900));
    expect(eventsOf(id, 'catalog.product.published').map((e) => e.price)).toEqual([
      { amount: 45900, currency: 'EUR' },
      { amount: 41900, currency: 'EUR' },
    ]);
    expect(await sql("select details from catalog.audit_entry where subject = ? and action = 'product.price-changed'", [id])).toEqual([
      { details: { oldPrice: { amount: 45900, currency: 'EUR' }, newPrice: { amount: 41900, currency: 'EUR' }, reason: 'Summer sale.' } },
    ]);
    // The same price again changes nothing.
    expect(
      (await gql(catalog.url, priceMutation, { id, price: { amount: 41900, currency: 'EUR' }, reason: 'Retry.' }, catalog.admin.headers)).errors,
    ).toBeUndefined();
    expect(await sql("select count(*)::int as n from catalog.outbox_message where key = ? and type = 'catalog.product.price-changed'", [id])).toEqual([
      { n: 1 },
    ]);
  });

  it('refuses a negative price, another currency, a price at or below the down payment, unknown ids; writes nothing', async () => {
    const { id } = await created({ ...tanjiro });
    const reprice = (price: MoneyInput, productId = id) => gql(catalog.url, priceMutation, { id: productId, price, reason: 'Because.' }, catalog.admin.headers);
    expect(problemsOf(await reprice({ amount: -100, currency: 'USD' }))).toEqual([['price.amount', 'OUT_OF_RANGE']]);
    expect((await reprice({ amount: 90000, currency: 'EUR' })).errors?.[0]?.extensions).toMatchObject({
      code: 'POLICY_VIOLATION',
      rule: 'PRICE_CURRENCY_FIXED',
      currency: 'USD',
    });
    expect(problemsOf(await reprice({ amount: 20000, currency: 'USD' }))).toEqual([['price.amount', 'BELOW_DOWN_PAYMENT']]);
    expect((await reprice({ amount: 1000, currency: 'USD' }, randomUUID())).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await sql('select price_amount, price_currency from catalog.product where id = ?', [id])).toEqual([{ price_amount: 99900, price_currency: 'USD' }]);
  });
});

describe('recordSpecChange', () => {
  it('records a described change before release: history (oldest first) and SpecChanged', async () => {
    const { id } = await created({ ...tanjiro, status: 'ANNOUNCED' });
    const first = await gql(
      catalog.url,
      specMutation,
      { id, input: { changes: [{ field: 'paint finish', from: 'matte', to: 'gloss' }], reason: 'Licensor feedback.' } },
      catalog.admin.headers,
    );
    expect(first.errors).toBeUndefined();
    const second = await gql(
      catalog.url,
      specMutation,
      { id, input: { description: 'The base now lights up (LED, USB powered).', reason: 'Maker upgrade.' } },
      catalog.admin.headers,
    );
    expect(second.errors).toBeUndefined();
    const history = (await gql(catalog.url, historyQuery, { id }, catalog.admin.headers)).data!.product!.specChanges;
    expect(history.map((h: any) => [h.changes, h.description, h.reason])).toEqual([
      [[{ field: 'paint finish', from: 'matte', to: 'gloss' }], null, 'Licensor feedback.'],
      [[], 'The base now lights up (LED, USB powered).', 'Maker upgrade.'],
    ]);
    await eventually(async () => eventsOf(id, 'catalog.product.spec-changed').length === 2);
    expect(eventsOf(id, 'catalog.product.spec-changed').map((e) => e.reason)).toEqual(['Licensor feedback.', 'Maker upgrade.']);
    expect(await sql("select count(*)::int as n from catalog.audit_entry where subject = ? and action = 'product.spec-changed'", [id])).toEqual([{ n: 2 }]);
  });

  it('refuses after release (SPEC_FIXED), empty input and unknown ids; writes nothing', async () => {
    const { id } = await created({ status: 'PREORDER' });
    for (const status of ['PREORDER_CLOSED', 'RELEASED'] as const)
      expect((await gql(catalog.url, statusMutation, { id, status }, catalog.admin.headers)).errors).toBeUndefined();
    const late = await gql(catalog.url, specMutation, { id, input: { description: 'Too late.', reason: 'Oops.' } }, catalog.admin.headers);
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'SPEC_FIXED', status: 'RELEASED' });
    const empty = await gql(catalog.url, specMutation, { id, input: { reason: 'Nothing.' } }, catalog.admin.headers);
    expect(problemsOf(empty)).toEqual([['changes', 'REQUIRED']]);
    const ghost = await gql(catalog.url, specMutation, { id: randomUUID(), input: { description: 'x', reason: 'y' } }, catalog.admin.headers);
    expect(ghost.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await sql('select count(*)::int as n from catalog.spec_change where product_id = ?', [id])).toEqual([{ n: 0 }]);
  });
});

describe('updateStudio', () => {
  it('corrects a studio (cleaned, audited with before and after), refuses unknown ids, bad values, duplicates and empty changes', async () => {
    const id = await studio(`Old Name ${run}`);
    await studio(`Taken ${run}`);
    const mutation = graphql(`
      mutation ProductDetailsUpdateStudio($id: ID!, $input: UpdateStudioInput!) {
        updateStudio(id: $id, input: $input) {
          id
          name
          country
          contactEmail
        }
      }
    `);
    const res = await gql(catalog.url, mutation, { id, input: { name: ` New Name ${run} `, country: 'cn' } }, catalog.admin.headers);
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateStudio).toEqual({ id, name: `New Name ${run}`, country: 'CN', contactEmail: 'sales@studio.example' });
    expect(await sql("select actor, details from catalog.audit_entry where subject = ? and action = 'studio.updated'", [id])).toEqual([
      { actor: catalog.admin.id, details: { changes: { name: { from: `Old Name ${run}`, to: `New Name ${run}` }, country: { from: 'JP', to: 'CN' } } } },
    ]);
    expect((await gql(catalog.url, mutation, { id: randomUUID(), input: { name: 'Ghost' } }, catalog.admin.headers)).errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
    expect(problemsOf(await gql(catalog.url, mutation, { id, input: { country: 'XX', contactEmail: 'nope' } }, catalog.admin.headers))).toEqual([
      ['country', 'UNKNOWN_COUNTRY'],
      ['contactEmail', 'INVALID_EMAIL'],
    ]);
    expect(problemsOf(await gql(catalog.url, mutation, { id, input: {} }, catalog.admin.headers))).toEqual([['input', 'EMPTY_CHANGE']]);
    expect((await gql(catalog.url, mutation, { id, input: { name: `Taken ${run}` } }, catalog.admin.headers)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await sql('select name from catalog.studio where id = ?', [id])).toEqual([{ name: `New Name ${run}` }]);
  });
});

describe('listing filters', () => {
  it('a listed product reads exactly as product(id) does (the listing maps rows without entities)', async () => {
    const studioId = await studio(`Listing Atelier ${run}`);
    const rich = await created({ ...tanjiro, series: `Listed ${run}`, name: `Listed ${run}`, studioId, regionBlocks: ['DE', 'FR'], maxQuantityPerOrder: 2 });
    const plain = await created({ name: `Listed plain ${run}`, series: `Listed ${run}`, price: { amount: 30000, currency: 'USD' } });
    graphql(`
      fragment ProductListedFields on Product {
        ...ProductDetailFields
        sku
        releaseEstimate
        regionBlocks
        maxQuantityPerOrder
        maxQuantityPerCustomer
        createdAt
        availableQuantity
        studio {
          id
          name
        }
      }
    `);
    const listed = await gql(
      catalog.url,
      graphql(`
        query ProductDetailsListedAsOne($filter: ProductFilter) {
          products(filter: $filter, first: 10, sort: NAME) {
            edges {
              node {
                ...ProductListedFields
              }
            }
          }
        }
      `),
      { filter: { series: `Listed ${run}` } },
    );
    expect(listed.errors).toBeUndefined();
    const one = graphql(`
      query ProductDetailsReadAsOne($id: ID!) {
        product(id: $id) {
          ...ProductListedFields
        }
      }
    `);
    const alone = await Promise.all([rich.id, plain.id].map(async (id) => (await gql(catalog.url, one, { id })).data!.product));
    expect(listed.data!.products.edges.map((e) => e.node)).toEqual(alone);
    expect(alone[0]).toMatchObject({
      parts: tanjiro.parts,
      packageDimensions: tanjiro.packageDimensions,
      regionBlocks: ['DE', 'FR'],
      studio: { id: studioId },
    });
    expect(typeof alone[0]!.createdAt).toBe('string');
  });

  it('filters by series, price range, text (name, series, studio name; case-insensitive, wildcards literal) and the customer region', async () => {
    const studioId = await studio(`Kimetsu Atelier ${run}`);
    const series = `Series ${run}`;
    const a = await created({ name: `Alpha ${run}`, series, studioId, price: { amount: 10000, currency: 'USD' } });
    const b = await created({ name: `Beta ${run}`, series, price: { amount: 30000, currency: 'USD' }, regionBlocks: ['FR'] });
    const c = await created({ name: `Gamma ${run}`, series: `Other ${run}`, price: { amount: 50000, currency: 'USD' }, regionBlocks: ['US'] });
    const ids = async (filter: ProductFilter, who?: TestIdentity) => {
      const res = await gql(
        catalog.url,
        graphql(`
          query ProductDetailsListing($filter: ProductFilter) {
            products(filter: $filter, first: 50, sort: PRICE_ASC) {
              totalCount
              edges {
                node {
                  id
                }
              }
            }
          }
        `),
        { filter },
        who?.headers,
      );
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      expect(res.data!.products.totalCount).toBe(res.data!.products.edges.length);
      return res.data!.products.edges.map((e) => e.node.id);
    };
    expect(await ids({ series: series.toUpperCase() })).toEqual([a.id, b.id]);
    expect(await ids({ series: `  ${series.toLowerCase()} ` })).toEqual([a.id, b.id]);
    expect(await ids({ series: `Series ${run.slice(0, 4)}` })).toEqual([]);
    expect(await ids({ series, priceRange: { min: 20000 } })).toEqual([b.id]);
    expect(await ids({ text: run, priceRange: { min: 10000, max: 30000 } })).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(await ids({ text: `other ${run.toLowerCase()}` })).toEqual([c.id]);
    expect(await ids({ text: `KIMETSU ATELIER ${run}` })).toEqual([a.id]);
    expect(await ids({ text: `kimetsu%${run}` })).toEqual([]);

    const french = await catalog.newCustomer('FR');
    await eventually(async () => (await sql('select country from catalog.customer_region where customer_id = ?', [french.id]))[0]?.country === 'FR');
    expect(await ids({ text: run, priceRange: { min: 10000, max: 50000 }, availableInMyRegion: true }, french)).toEqual(expect.arrayContaining([a.id, c.id]));
    expect(await ids({ text: run, priceRange: { min: 10000, max: 50000 }, availableInMyRegion: true }, french)).not.toContain(b.id);
    expect(await ids({ series, availableInMyRegion: false }, french)).toEqual([a.id, b.id]);

    const anonymous = await gql(
      catalog.url,
      graphql(`
        query ProductDetailsInMyRegion {
          products(filter: { availableInMyRegion: true }) {
            totalCount
          }
        }
      `),
      {},
    );
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(problemsOf(anonymous)).toEqual([['filter.availableInMyRegion', 'SIGN_IN_REQUIRED']]);
  });
});
