import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from '@vitrine/testing';
import type { Identity } from './support/identities.js';
import { startTestStack, type CatalogStack } from './support/stack.js';

// Staff add studios (validated, audited); products name the studio that makes them.
let stack: CatalogStack;

beforeAll(async () => {
  stack = await startTestStack({ label: 'studios', only: ['catalog'] });
});
afterAll(async () => {
  await stack?.stop();
});

const createStudioMutation = `mutation($input: CreateStudioInput!) { createStudio(input: $input) { id name country contactEmail } }`;
const createProductMutation = `mutation($input: CreateProductInput!) { createProduct(input: $input) { id studio { id name country } } }`;
const sql = <T = any>(query: string, params: unknown[] = []) => stack.catalog.orm.em.fork().getConnection().execute<T[]>(query, params);
const addStudio = (who: Identity, input: Record<string, string>) => gql(stack.catalog.url, createStudioMutation, { input }, who.headers);
const productInput = (sku: string, studioId?: string) => ({ sku, name: `Figure ${sku}`, price: { amount: 19900, currency: 'USD' }, stock: 4, studioId });

describe('studios', () => {
  it('staff create a studio (cleaned and audited); everyone can list studios, only staff see the contact', async () => {
    const created = await addStudio(stack.admin, { name: ' Prime Forge ', country: 'jp', contactEmail: ' Partners@PrimeForge.Example ' });
    expect(created.errors).toBeUndefined();
    const studio = created.data.createStudio;
    expect(studio).toEqual({ id: expect.any(String), name: 'Prime Forge', country: 'JP', contactEmail: 'partners@primeforge.example' });
    expect(await sql('select actor, action, details from catalog.audit_entry where subject = ?', [studio.id])).toEqual([
      { actor: stack.admin.id, action: 'studio.created', details: { name: 'Prime Forge', country: 'JP', contactEmail: 'partners@primeforge.example' } },
    ]);

    const listing = await gql(stack.catalog.url, '{ studios { id name country } }', {}, stack.customer.headers);
    expect(listing.data.studios).toContainEqual({ id: studio.id, name: 'Prime Forge', country: 'JP' });
    const nosy = await gql(stack.catalog.url, '{ studios { contactEmail } }', {}, stack.customer.headers);
    expect(nosy.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(nosy.data)).not.toContain('primeforge');
  });

  it('reports every problem at once, refuses a duplicate name and customers, and writes nothing then', async () => {
    const before = await sql('select count(*)::int as n from catalog.studio');
    const bad = await addStudio(stack.admin, { name: '', country: 'UK', contactEmail: 'nobody' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.extensions?.problems.map((p: any) => [p.field, p.reason])).toEqual([
      ['name', 'INVALID_LENGTH'],
      ['country', 'UNKNOWN_COUNTRY'],
      ['contactEmail', 'INVALID_EMAIL'],
    ]);
    await addStudio(stack.admin, { name: 'Twice Studio', country: 'CN', contactEmail: 'a@twice.example' });
    expect((await addStudio(stack.admin, { name: 'Twice Studio', country: 'CN', contactEmail: 'b@twice.example' })).errors?.[0]?.extensions?.code).toBe(
      'CONFLICT',
    );
    expect((await addStudio(stack.customer, { name: 'Mine', country: 'FR', contactEmail: 'me@mine.example' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await sql('select count(*)::int as n from catalog.studio')).toEqual([{ n: before[0].n + 1 }]);
  });

  it('a product names its studio; an unknown studio is a problem reported with the others', async () => {
    const studio = (await addStudio(stack.admin, { name: 'Red Lacquer', country: 'CN', contactEmail: 'sales@redlacquer.example' })).data.createStudio;
    const sku = `STU-${Date.now()}`;
    const made = await gql(stack.catalog.url, createProductMutation, { input: productInput(sku, studio.id) }, stack.admin.headers);
    expect(made.errors).toBeUndefined();
    expect(made.data.createProduct.studio).toEqual({ id: studio.id, name: 'Red Lacquer', country: 'CN' });
    const listed = await gql(stack.catalog.url, '{ products(first: 50) { edges { node { sku studio { name } } } } }');
    expect(listed.data.products.edges.map((e: any) => e.node)).toContainEqual({ sku, studio: { name: 'Red Lacquer' } });

    const unknown = await gql(
      stack.catalog.url,
      createProductMutation,
      { input: { ...productInput(''), studioId: '00000000-0000-4000-8000-000000000000' } },
      stack.admin.headers,
    );
    expect(unknown.errors?.[0]?.extensions?.problems.map((p: any) => p.field)).toEqual(['sku', 'studioId']);
    const none = await gql(stack.catalog.url, createProductMutation, { input: productInput(`NOSTU-${Date.now()}`) }, stack.admin.headers);
    expect(none.data.createProduct.studio).toBeNull();
  });
});
