import type { FetchNode, QueryPlan } from '@apollo/query-planner';
import { buildSchema, OperationTypeNode, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { passableSubgraph } from './passable-subgraph.js';

// Declares @defer and @stream so a document using them is valid here: refusing it is the function's own doing.
const catalog = buildSchema(`
  directive @defer(label: String, if: Boolean) on FRAGMENT_SPREAD | INLINE_FRAGMENT
  directive @stream(label: String, initialCount: Int) on FIELD
  type Product { id: ID! name: String! }
  type Query { products(first: Int): [Product!]! }
`);
const schemas = new Map([['catalog', catalog]]);

function fetchPlan(overrides: Partial<FetchNode> = {}): QueryPlan {
  return {
    kind: 'QueryPlan',
    node: {
      kind: 'Fetch',
      serviceName: 'catalog',
      operation: '{products{id}}',
      operationName: undefined,
      operationKind: OperationTypeNode.QUERY,
      ...overrides,
    },
  };
}

const names = parse('query Names($n: Int) { products(first: $n) { id name } }');

describe('passableSubgraph', () => {
  it('names the subgraph of a plan that is one plain query fetch, for a document valid in that subgraph', () => {
    expect(passableSubgraph(fetchPlan(), names, schemas)).toBe('catalog');
  });

  it('refuses a plan of more than one fetch, or of none', () => {
    const fetch = fetchPlan().node as FetchNode;
    expect(passableSubgraph({ kind: 'QueryPlan', node: { kind: 'Sequence', nodes: [fetch, fetch] } }, names, schemas)).toBeUndefined();
    expect(passableSubgraph({ kind: 'QueryPlan', node: { kind: 'Parallel', nodes: [fetch] } }, names, schemas)).toBeUndefined();
    expect(passableSubgraph({ kind: 'QueryPlan' }, names, schemas)).toBeUndefined();
  });

  it('refuses a mutation, even from one subgraph', () => {
    expect(passableSubgraph(fetchPlan({ operationKind: OperationTypeNode.MUTATION }), names, schemas)).toBeUndefined();
  });

  it('refuses a fetch that requires, rewrites or defers', () => {
    const field = { kind: 'Field' as const, name: 'id' };
    const renamed = { kind: 'KeyRenamer' as const, path: ['id'], renameKeyTo: 'key' };
    expect(
      passableSubgraph(fetchPlan({ requires: [{ kind: 'InlineFragment', typeCondition: 'Product', selections: [field] }] }), names, schemas),
    ).toBeUndefined();
    expect(passableSubgraph(fetchPlan({ inputRewrites: [renamed] }), names, schemas)).toBeUndefined();
    expect(passableSubgraph(fetchPlan({ outputRewrites: [renamed] }), names, schemas)).toBeUndefined();
    expect(passableSubgraph(fetchPlan({ contextRewrites: [renamed] }), names, schemas)).toBeUndefined();
    expect(passableSubgraph(fetchPlan({ hasDefers: true }), names, schemas)).toBeUndefined();
  });

  it('refuses a subgraph it has no schema for', () => {
    expect(passableSubgraph(fetchPlan({ serviceName: 'orders' }), names, schemas)).toBeUndefined();
  });

  it('refuses a document the subgraph would not accept whole', () => {
    expect(passableSubgraph(fetchPlan(), parse('query A { products { id } } query B { orders { id } }'), schemas)).toBeUndefined();
  });

  it('refuses introspection, which the gateway answers for the supergraph', () => {
    expect(passableSubgraph(fetchPlan(), parse('{ __schema { types { name } } products { id } }'), schemas)).toBeUndefined();
    expect(passableSubgraph(fetchPlan(), parse('{ __type(name: "Product") { name } products { id } }'), schemas)).toBeUndefined();
  });

  it('keeps __typename, which the subgraph answers as the gateway would', () => {
    expect(passableSubgraph(fetchPlan(), parse('{ __typename products { __typename id } }'), schemas)).toBe('catalog');
  });

  it('refuses @defer and @stream, whose parts only Apollo assembles', () => {
    expect(passableSubgraph(fetchPlan(), parse('{ products { id ... @defer { name } } }'), schemas)).toBeUndefined();
    expect(passableSubgraph(fetchPlan(), parse('{ products @stream { id } }'), schemas)).toBeUndefined();
  });
});
