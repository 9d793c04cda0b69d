import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClientSchema, getIntrospectionQuery, getNamedType, isLeafType, type GraphQLField, type GraphQLSchema } from 'graphql';
import { subgraphs as subgraphList } from '@vitrine/gateway';
import { gql } from '@vitrine/testing';
import { customerPassword, signIn, type Identity } from './support/identities.js';
import { sampleOperation } from './support/sample-args.js';
import { count } from './support/sql.js';
import { startTestStack, type TestStack } from './support/stack.js';

// Every back-office query and mutation says which scope it needs:
// "Staff (catalog:write): ..." for a scope accounts grants to staff, or
// "Admin (keys:rotate): ..." for one only the bootstrap admin holds. This
// matrix finds them all by introspection, so one added later is covered
// without anyone remembering to list it. With well-typed arguments that would
// otherwise reach the resolver:
// - an anonymous caller gets UNAUTHENTICATED and a customer FORBIDDEN;
// - a staff member holding every grantable scope but the one named gets
//   FORBIDDEN (so a check of "is staff" instead of "holds this scope" fails here);
// - a staff member holding that one scope alone (the admin, for admin
//   scopes) gets past authorization.
// Refused calls write nothing: the subgraph's outbox and audit trail stay as they were.
// Each subgraph's own schema says which fields it owns; the calls go through
// the gateway, as operations built at run time (plain strings, not typed documents).
let stack: TestStack;
const schemas = new Map<string, GraphQLSchema>();
/** Per grantable scope, a staff member holding it alone, and one holding every other grantable scope. */
const holdingOnly = new Map<string, Identity>();
const holdingAllBut = new Map<string, Identity>();
/** A staff member holding every grantable scope: still not the admin. */
let holdingEveryGrantable: Identity;

const names = subgraphList.map((s) => s.name);
const subgraphs = () => Object.fromEntries(names.map((name) => [name, stack[name].url]));

type Field = GraphQLField<unknown, unknown>;
type Operation = 'mutation' | 'query';
/** The scope a back-office field's description names, or undefined for a customer-facing field. */
const scopeOf = (field: Field) => /^(?:Staff|Admin) \(([a-z]+:[a-z]+)\): /.exec(field.description ?? '')?.[1];
const isAdminOnly = (field: Field) => field.description!.startsWith('Admin (');
const fieldsOf = (name: string, operation: Operation) => {
  const schema = schemas.get(name)!;
  const type = operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  // Federation's own entry points are not the service's API.
  return Object.values(type?.getFields() ?? {}).filter((f) => !f.name.startsWith('_'));
};
const backOffice = (name: string, operation: Operation) => fieldsOf(name, operation).filter((f) => scopeOf(f) !== undefined);
/** The scopes staff can be granted: those the "Staff (...)" fields name. */
const grantableScopes = () =>
  [
    ...new Set(names.flatMap((name) => [...backOffice(name, 'mutation'), ...backOffice(name, 'query')].filter((f) => !isAdminOnly(f)).map((f) => scopeOf(f)!))),
  ].sort();
/** Staff without the field's scope: holding every other grantable scope (every one, for an admin field). */
const withoutScopeOf = (field: Field) => (isAdminOnly(field) ? holdingEveryGrantable : holdingAllBut.get(scopeOf(field)!)!);
/** Holding the field's scope and no other (the admin holds the admin scopes). */
const withScopeOf = (field: Field) => (isAdminOnly(field) ? stack.admin : holdingOnly.get(scopeOf(field)!)!);

/** The tables a refused call must leave alone: every subgraph has an outbox and an audit trail (the platform's tables). */
const writeTables = (name: string) => [`${name}.outbox_message`, `${name}.audit_entry`];
const rowCounts = (name: string) => Promise.all(writeTables(name).map((table) => count(stack, `select count(*) as n from ${table}`)));

async function call(field: Field, operation: Operation, who?: Identity) {
  const { query, variables } = sampleOperation(field.name, field.args, !isLeafType(getNamedType(field.type)), operation);
  const res = await gql(stack.gatewayUrl, query, variables, who?.headers);
  return { code: res.errors?.[0]?.extensions?.code as string | undefined, detail: `${operation} ${field.name}: ${JSON.stringify(res.errors)}` };
}

async function staffMember(scopes: string[]): Promise<Identity> {
  const member = await stack.newCustomer();
  const grant = await gql(
    stack.accounts.url,
    `mutation($id: ID!, $scopes: [String!]!) { grantStaffRole(customerId: $id, scopes: $scopes) { id } }`,
    { id: member.id, scopes },
    stack.admin.headers,
  );
  if (grant.errors) throw new Error(`grantStaffRole ${scopes.join(',')}: ${JSON.stringify(grant.errors)}`);
  // Scopes are written into tokens issued from now on.
  return signIn(stack.accounts.url, member.email, customerPassword);
}

beforeAll(async () => {
  stack = await startTestStack({ label: 'staff_mutations' });
  for (const [name, url] of Object.entries(subgraphs())) {
    const res = await gql(url, getIntrospectionQuery(), {});
    schemas.set(name, buildClientSchema(res.data));
  }
  const scopes = grantableScopes();
  holdingEveryGrantable = await staffMember(scopes);
  for (const scope of scopes) {
    holdingOnly.set(scope, await staffMember([scope]));
    holdingAllBut.set(scope, await staffMember(scopes.filter((s) => s !== scope)));
  }
});
afterAll(async () => {
  await stack?.stop();
});

describe.each(names)('%s back office', (name) => {
  it('every mutation says who may call it', () => {
    for (const field of fieldsOf(name, 'mutation')) expect(field.description?.length ?? 0, field.name).toBeGreaterThan(10);
  });

  it('back-office fields refuse anonymous callers (UNAUTHENTICATED), customers and staff without the named scope (FORBIDDEN), writing nothing', async () => {
    const mutations = backOffice(name, 'mutation');
    expect(mutations.length, `${name} has back-office mutations`).toBeGreaterThan(0);
    // Catalog's only customer mutations are a customer's own interest in a product; everything else it has is back office.
    if (name === 'catalog')
      expect(
        fieldsOf(name, 'mutation')
          .filter((f) => scopeOf(f) === undefined)
          .map((f) => f.name)
          .sort(),
      ).toEqual(['joinWaitlist', 'notifyMe', 'withdrawProductInterest']);
    const before = await rowCounts(name);
    for (const operation of ['mutation', 'query'] as const)
      for (const field of backOffice(name, operation)) {
        const anonymous = await call(field, operation);
        expect(anonymous.code, anonymous.detail).toBe('UNAUTHENTICATED');
        const customer = await call(field, operation, stack.customer);
        expect(customer.code, customer.detail).toBe('FORBIDDEN');
        const otherScopes = await call(field, operation, withoutScopeOf(field));
        expect(otherScopes.code, otherScopes.detail).toBe('FORBIDDEN');
      }
    expect(await rowCounts(name)).toEqual(before);
  });
});

// After every refusal above: a call allowed through may write, and its events reach other services.
describe.each(names)('%s back office, with the one scope it names', (name) => {
  it('lets a staff member holding that scope alone past authorization', async () => {
    for (const operation of ['mutation', 'query'] as const)
      for (const field of backOffice(name, operation)) {
        const allowed = await call(field, operation, withScopeOf(field));
        expect(allowed.code ?? 'none', allowed.detail).not.toMatch(/^(UNAUTHENTICATED|FORBIDDEN)$/);
      }
  });
});
