import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { operationCost } from './query-cost.js';

const schema = buildSchema(`
  type Query { products(first: Int, last: Int): [Product!]! studios(first: Int = 20): [Studio!]! node: Product }
  type Product { id: ID! name: String! studio: Studio }
  type Studio { id: ID! products(first: Int): [Product!]! }
`);

function cost(source: string, variables: Record<string, unknown> = {}): number {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  return operationCost(schema, document, operation, variables);
}

describe('operation cost', () => {
  it('weighs scalars 1, objects 2 and each level 1.5x its parent', () => {
    // products: 2 + 1.5 x (1 + 1) = 5
    expect(cost('{ products { id name } }')).toBe(5);
    // node: 2 + 1.5 x (1 + (2 + 1.5 x 1)) = 8.75
    expect(cost('{ node { id studio { id } } }')).toBe(8.75);
  });

  it('multiplies a subtree by a literal page size', () => {
    expect(cost('{ products(first: 100) { id name } }')).toBe(500);
    expect(cost('{ products(last: 10) { id } }')).toBe(35);
  });

  it('multiplies by a page size given as a variable, exactly as by the literal', () => {
    const literal = cost('{ products(first: 100) { id name } }');
    expect(cost('query($n: Int) { products(first: $n) { id name } }', { n: 100 })).toBe(literal);
  });

  it("uses the variable's default, then the field's default, when no value is sent", () => {
    expect(cost('query($n: Int = 50) { products(first: $n) { id } }')).toBe(175);
    expect(cost('query($n: Int = 50) { products(first: $n) { id } }', { n: 2 })).toBe(7);
    // studios(first: Int = 20)
    expect(cost('{ studios { id } }')).toBe(70);
  });

  it('multiplies nested page sizes', () => {
    // studios(first: 10) { products(first: $n) { id } }: 10 x (2 + 1.5 x (5 x (2 + 1.5 x 1)))
    expect(cost('query($n: Int) { studios(first: 10) { products(first: $n) { id } } }', { n: 5 })).toBe(10 * (2 + 1.5 * (5 * 3.5)));
  });

  it('counts fragments as if inlined and does not loop on a cycle', () => {
    const inlined = cost('{ products(first: 3) { id studio { id } } }');
    expect(cost('{ products(first: 3) { ...P } } fragment P on Product { id studio { id } }')).toBe(inlined);
    expect(cost('{ node { ...A } } fragment A on Product { studio { products { ...A } } }')).toBeGreaterThan(0);
  });

  it('ignores a page size that is not a number (coercion refuses it later)', () => {
    expect(cost('query($n: Int) { products(first: $n) { id } }', { n: 'lots' })).toBe(3.5);
  });

  it('leaves introspection free', () => {
    expect(cost('{ __schema { types { name } } }')).toBe(0);
  });
});
