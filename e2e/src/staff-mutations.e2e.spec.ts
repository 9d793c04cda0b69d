import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClientSchema, getIntrospectionQuery, getNamedType, isLeafType, type GraphQLField, type GraphQLSchema } from 'graphql';
import { subgraphs as subgraphList } from '@vitrine/gateway';
import { gql } from '@vitrine/testing';
import { sampleOperation } from './support/sample-args.js';
import { count } from './support/sql.js';
import { startTestStack, type TestStack } from './support/stack.js';

// Every mutation says who may call it ("Staff (scope): ..." or "Admin: ..."
// for the back office). This matrix finds them all by introspection, so a
// mutation added later is covered without anyone remembering to list it:
// a customer gets FORBIDDEN and an anonymous caller is refused, with
// well-typed arguments that would otherwise reach the resolver. Nothing may
// be written either: the subgraph's outbox and audit trail stay as they were.
// Each subgraph's own schema says which mutations it owns; the calls go through
// the gateway, as operations built at run time (plain strings, not typed documents).
let stack: TestStack;
const schemas = new Map<string, GraphQLSchema>();

beforeAll(async () => {
  stack = await startTestStack({ label: 'staff_mutations' });
  for (const [name, url] of Object.entries(subgraphs())) {
    const res = await gql(url, getIntrospectionQuery(), {});
    schemas.set(name, buildClientSchema(res.data));
  }
});
afterAll(async () => {
  await stack?.stop();
});

const names = subgraphList.map((s) => s.name);
const subgraphs = () => Object.fromEntries(names.map((name) => [name, stack[name].url]));
/** The tables a refused call must leave alone: every subgraph has an outbox and an audit trail (the platform's tables). */
const writeTables = (name: string) => [`${name}.outbox_message`, `${name}.audit_entry`];
const rowCounts = (name: string) => Promise.all(writeTables(name).map((table) => count(stack, `select count(*) as n from ${table}`)));
const isBackOffice = (field: GraphQLField<unknown, unknown>) => /^(Staff \(|Admin:)/.test(field.description ?? '');
const mutationsOf = (name: string) => Object.values(schemas.get(name)!.getMutationType()?.getFields() ?? {});

describe.each(names)('%s mutations', (name) => {
  it('each one says who may call it', () => {
    for (const field of mutationsOf(name)) expect(field.description?.length ?? 0, field.name).toBeGreaterThan(10);
  });

  it('back-office ones refuse customers (FORBIDDEN) and anonymous callers, writing nothing', async () => {
    const staffOnly = mutationsOf(name).filter(isBackOffice);
    expect(staffOnly.length, `${name} has back-office mutations`).toBeGreaterThan(0);
    // Catalog's only customer mutations are a customer's own interest in a product; everything else it has is back office.
    if (name === 'catalog')
      expect(
        mutationsOf(name)
          .filter((f) => !isBackOffice(f))
          .map((f) => f.name)
          .sort(),
      ).toEqual(['joinWaitlist', 'notifyMe', 'withdrawProductInterest']);
    const before = await rowCounts(name);
    for (const field of staffOnly) {
      const { query, variables } = sampleOperation(field.name, field.args, !isLeafType(getNamedType(field.type)));
      const asCustomer = await gql(stack.gatewayUrl, query, variables, stack.customer.headers);
      expect(asCustomer.errors?.[0]?.extensions?.code, `${field.name}: ${JSON.stringify(asCustomer.errors)}`).toBe('FORBIDDEN');
      const anonymous = await gql(stack.gatewayUrl, query, variables);
      expect(anonymous.errors?.[0]?.extensions?.code, `${field.name}: ${JSON.stringify(anonymous.errors)}`).toMatch(/^(UNAUTHENTICATED|FORBIDDEN)$/);
    }
    expect(await rowCounts(name)).toEqual(before);
  });
});
