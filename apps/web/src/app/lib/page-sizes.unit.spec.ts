import { readFileSync } from 'node:fs';
import { buildSchema, Kind, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { defaultSupergraphPath, loadConfig, operationCost } from '@vitrine/gateway';
import { pageSizes } from './page-sizes.js';

// Every operation the web may send (its trusted documents), priced as the gateway prices it, with the page sizes
// the web passes: an operation over the gateway's limit is refused whole, which a browser spec only finds on a page
// it happens to open.
const schema = buildSchema(readFileSync(defaultSupergraphPath, 'utf8'));
const manifest = JSON.parse(readFileSync(new URL('../../__generated__/app/persisted-documents.json', import.meta.url), 'utf8')) as Record<string, string>;
const { maxCost } = loadConfig({}).limits;

interface Priced {
  name: string;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  pageVariables: string[];
}

const operations: Priced[] = Object.values(manifest).map((text) => {
  const document = parse(text);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const pageVariables = (operation.variableDefinitions ?? []).map((v) => v.variable.name.value).filter((name) => name === 'first' || name === 'last');
  return { name: operation.name?.value ?? '(anonymous)', document, operation, pageVariables };
});
const paged = operations.filter((o) => o.pageVariables.length > 0);
const sizeOf = (name: string): number | undefined => (pageSizes as Record<string, number>)[name];
const costAt = (o: Priced, size: number) => operationCost(schema, o.document, o.operation, Object.fromEntries(o.pageVariables.map((name) => [name, size])));

describe('the web’s operations against the gateway’s query cost limit', () => {
  it('every paged operation has its page size in page-sizes.ts, and every size there belongs to one', () => {
    expect(paged.length).toBeGreaterThan(0);
    expect(paged.filter((o) => sizeOf(o.name) === undefined).map((o) => o.name)).toEqual([]);
    expect(Object.keys(pageSizes).filter((name) => !paged.some((o) => o.name === name))).toEqual([]);
  });

  it(`each costs at most the gateway's limit (${maxCost}) at the page size it is sent with`, () => {
    const over = operations
      .map((o) => ({ name: o.name, cost: o.pageVariables.length > 0 ? costAt(o, sizeOf(o.name) ?? 1) : operationCost(schema, o.document, o.operation) }))
      .filter((o) => o.cost > maxCost);
    expect(over).toEqual([]);
  });

  it('would have caught the claims queue at 25 a page (refused by the gateway before its page went down to 20)', () => {
    const claims = paged.find((o) => o.name === 'BackOfficeClaims')!;
    expect(costAt(claims, 25)).toBeGreaterThan(maxCost);
    expect(costAt(claims, pageSizes.BackOfficeClaims)).toBeLessThanOrEqual(maxCost);
  });
});
