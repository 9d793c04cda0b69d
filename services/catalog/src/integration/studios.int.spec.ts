import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, type TestIdentity } from '@vitrine/testing';
import { graphql } from '../__generated__/index.js';
import type { CreateStudioInput } from '../__generated__/graphql.js';
import { bootCatalog, type CatalogHarness } from './harness.js';

// Staff add studios (validated, audited); products name the studio that makes them.
let catalog: CatalogHarness;

beforeAll(async () => {
  catalog = await bootCatalog('studios');
});
afterAll(async () => {
  await catalog?.stop();
});

const createStudioMutation = graphql(`
  mutation StudiosCreateStudio($input: CreateStudioInput!) {
    createStudio(input: $input) {
      id
      name
      country
      contactEmail
    }
  }
`);
const createProductMutation = graphql(`
  mutation StudiosCreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      id
      studio {
        id
        name
        country
      }
    }
  }
`);
const studiosQuery = graphql(`
  query StudiosList {
    studios {
      id
      name
      country
    }
  }
`);
const studioContactsQuery = graphql(`
  query StudiosContacts {
    studios {
      contactEmail
    }
  }
`);
const productsQuery = graphql(`
  query StudiosOfProducts {
    products(first: 50) {
      edges {
        node {
          sku
          studio {
            name
          }
        }
      }
    }
  }
`);
const addStudio = (who: TestIdentity, input: CreateStudioInput) => gql(catalog.url, createStudioMutation, { input }, who.headers);
const productInput = (sku: string, studioId?: string) => ({ sku, name: `Figure ${sku}`, price: { amount: 19900, currency: 'USD' }, stock: 4, studioId });

describe('studios', () => {
  it('staff create a studio (cleaned and audited); everyone can list studios, only staff see the contact', async () => {
    const created = await addStudio(catalog.admin, { name: ' Prime Forge ', country: 'jp', contactEmail: ' Partners@PrimeForge.Example ' });
    expect(created.errors).toBeUndefined();
    const studio = created.data!.createStudio;
    expect(studio).toEqual({ id: expect.any(String), name: 'Prime Forge', country: 'JP', contactEmail: 'partners@primeforge.example' });
    expect(await catalog.sql('select actor, action, details from catalog.audit_entry where subject = ?', [studio.id])).toEqual([
      { actor: catalog.admin.id, action: 'studio.created', details: { name: 'Prime Forge', country: 'JP', contactEmail: 'partners@primeforge.example' } },
    ]);

    const listing = await gql(catalog.url, studiosQuery, {}, catalog.customer.headers);
    expect(listing.data!.studios).toContainEqual({ id: studio.id, name: 'Prime Forge', country: 'JP' });
    const nosy = await gql(catalog.url, studioContactsQuery, {}, catalog.customer.headers);
    expect(nosy.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(nosy.data)).not.toContain('primeforge');
  });

  it('reports every problem at once, refuses a duplicate name and customers, and writes nothing then', async () => {
    const before = await catalog.sql('select count(*)::int as n from catalog.studio');
    const bad = await addStudio(catalog.admin, { name: '', country: 'UK', contactEmail: 'nobody' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.extensions?.problems.map((p: any) => [p.field, p.reason])).toEqual([
      ['name', 'INVALID_LENGTH'],
      ['country', 'UNKNOWN_COUNTRY'],
      ['contactEmail', 'INVALID_EMAIL'],
    ]);
    await addStudio(catalog.admin, { name: 'Twice Studio', country: 'CN', contactEmail: 'a@twice.example' });
    expect((await addStudio(catalog.admin, { name: 'Twice Studio', country: 'CN', contactEmail: 'b@twice.example' })).errors?.[0]?.extensions?.code).toBe(
      'CONFLICT',
    );
    // Unique whatever the case (issue #17).
    expect((await addStudio(catalog.admin, { name: 'TWICE studio', country: 'CN', contactEmail: 'c@twice.example' })).errors?.[0]?.extensions?.code).toBe(
      'CONFLICT',
    );
    expect((await addStudio(catalog.customer, { name: 'Mine', country: 'FR', contactEmail: 'me@mine.example' })).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect(await catalog.sql('select count(*)::int as n from catalog.studio')).toEqual([{ n: before[0].n + 1 }]);
  });

  it('a product names its studio; an unknown studio is a problem reported with the others', async () => {
    const studio = (await addStudio(catalog.admin, { name: 'Red Lacquer', country: 'CN', contactEmail: 'sales@redlacquer.example' })).data!.createStudio;
    const sku = `STU-${Date.now()}`;
    const made = await gql(catalog.url, createProductMutation, { input: productInput(sku, studio.id) }, catalog.admin.headers);
    expect(made.errors).toBeUndefined();
    expect(made.data!.createProduct.studio).toEqual({ id: studio.id, name: 'Red Lacquer', country: 'CN' });
    const listed = await gql(catalog.url, productsQuery, {});
    expect(listed.data!.products.edges.map((e) => e.node)).toContainEqual({ sku, studio: { name: 'Red Lacquer' } });

    const unknown = await gql(
      catalog.url,
      createProductMutation,
      { input: { ...productInput(''), studioId: '00000000-0000-4000-8000-000000000000' } },
      catalog.admin.headers,
    );
    expect(unknown.errors?.[0]?.extensions?.problems.map((p: any) => p.field)).toEqual(['sku', 'studioId']);
    const none = await gql(catalog.url, createProductMutation, { input: productInput(`NOSTU-${Date.now()}`) }, catalog.admin.headers);
    expect(none.data!.createProduct.studio).toBeNull();
  });
});
