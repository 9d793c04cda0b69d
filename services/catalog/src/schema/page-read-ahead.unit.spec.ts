import { parse, type FieldNode, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import { readAheadLoader } from '@vitrine/platform';
import { describe, expect, it } from 'vitest';
import type { ProductFacts } from '../store/product.entity.js';
import type { CatalogContext } from './catalog-context.js';
import { readPageAhead } from './page-read-ahead.js';

/** A context whose three read-ahead loaders record what they were asked to read (values do not matter here). */
function recordingContext() {
  const asked: Record<string, string[][]> = { stock: [], studios: [], campaigns: [] };
  const recorder = (name: string) =>
    readAheadLoader<string, null>(async (keys) => {
      asked[name]!.push([...keys]);
      return keys.map(() => null);
    });
  const ctx = { stockOf: recorder('stock'), studioById: recorder('studios'), preorderCampaign: recorder('campaigns') } as unknown as CatalogContext;
  return { ctx, asked };
}

function infoOf(query: string): GraphQLResolveInfo {
  const operation = parse(query).definitions[0] as OperationDefinitionNode;
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments: {} } as unknown as GraphQLResolveInfo;
}

const products = [
  { id: 'p1', studioId: 's1' },
  { id: 'p2', studioId: null },
  { id: 'p3', studioId: 's1' },
] as unknown as ProductFacts[];

describe('reading a listing page ahead', () => {
  it("reads the stock, studios and windows a storefront page asks for, each once for the page's products", async () => {
    const { ctx, asked } = recordingContext();
    await readPageAhead(ctx, infoOf('{ products { edges { node { id availableQuantity studio { name } preorderCampaign { state } } } } }'), products);
    expect(asked).toEqual({ stock: [['p1', 'p2', 'p3']], studios: [['s1']], campaigns: [['p1', 'p2', 'p3']] });
  });

  it('reads nothing the page does not ask for, and nothing for an empty page', async () => {
    const plain = recordingContext();
    await readPageAhead(plain.ctx, infoOf('{ products { totalCount edges { cursor node { id name } } } }'), products);
    expect(plain.asked).toEqual({ stock: [], studios: [], campaigns: [] });

    const empty = recordingContext();
    await readPageAhead(empty.ctx, infoOf('{ products { edges { node { availableQuantity } } } }'), []);
    expect(empty.asked.stock).toEqual([]);
  });

  it("reads the stock for staff's per-warehouse levels too", async () => {
    const { ctx, asked } = recordingContext();
    await readPageAhead(ctx, infoOf('{ products { edges { node { stockLevels { onHand } } } } }'), products);
    expect(asked.stock).toEqual([['p1', 'p2', 'p3']]);
    expect(asked.studios).toEqual([]);
  });
});
