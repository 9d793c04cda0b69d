import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { LearnedQueries, type LearnedQuery } from './learned-queries.js';

const schema = buildSchema('type Query { a: Int }');

function learned(subgraph: string): LearnedQuery {
  const document = parse('{ a }');
  return { subgraph, document, operation: document.definitions[0] as OperationDefinitionNode, schema };
}

describe('LearnedQueries', () => {
  it('finds a document by its text and the operation name the client sent', () => {
    const queries = new LearnedQueries(10);
    queries.remember('query A { a } query B { a }', 'A', learned('catalog'));

    expect(queries.get('query A { a } query B { a }', 'A')?.subgraph).toBe('catalog');
    expect(queries.get('query A { a } query B { a }', 'B')).toBeUndefined();
    expect(queries.get('query A { a } query B { a }', undefined)).toBeUndefined();
    expect(queries.get('query A { a }  query B { a }', 'A')).toBeUndefined();
  });

  it('keeps what it learned first for a document', () => {
    const queries = new LearnedQueries(10);
    queries.remember('{ a }', undefined, learned('catalog'));
    queries.remember('{ a }', undefined, learned('orders'));

    expect(queries.get('{ a }', undefined)?.subgraph).toBe('catalog');
    expect(queries.size).toBe(1);
  });

  it('forgets the oldest document past its capacity', () => {
    const queries = new LearnedQueries(2);
    queries.remember('{ a }', undefined, learned('catalog'));
    queries.remember('{ a b }', undefined, learned('catalog'));
    queries.remember('{ a b c }', undefined, learned('catalog'));

    expect(queries.size).toBe(2);
    expect(queries.get('{ a }', undefined)).toBeUndefined();
    expect(queries.get('{ a b c }', undefined)).toBeDefined();
  });
});
