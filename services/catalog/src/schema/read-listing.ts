import type { GraphQLResolveInfo } from 'graphql';
import { selectsBelow } from '@vitrine/platform';
import { listProducts, type ListProductsQuery, type ProductPage } from '../use-cases/list-products.js';
import type { PreorderCampaign } from '../store/preorder-campaign.entity.js';
import type { Studio } from '../store/studio.entity.js';
import type { StockLevels } from '../use-cases/stock-counters.js';
import type { CatalogContext } from './catalog-context.js';
import { readPageAhead } from './page-read-ahead.js';

/** A listing page as read once, with what its fields read ahead: answered again without the database. */
export interface CachedPage {
  readonly items: ProductPage['items'];
  readonly hasNextPage: boolean;
  /** The count across pages, counted by the first request that asks for it. */
  readonly countTotal: () => Promise<number>;
  readonly stock: Map<string, StockLevels>;
  readonly studios: Map<string, Studio | null>;
  readonly campaigns: Map<string, PreorderCampaign | null>;
}

/**
 * A listing page with what its selected fields read ahead, from this process's listing cache when it holds the
 * same query (same filter, sort, page and, for `availableInMyRegion`, the same country), else from the database,
 * kept for the next identical query. An anonymous `availableInMyRegion` is never cached: it is refused.
 */
export async function readListing(ctx: CatalogContext, info: GraphQLResolveInfo, query: ListProductsQuery): Promise<ProductPage> {
  const cache = ctx.readCaches?.pages;
  const key = cache && (await listingKey(query));
  const hit = key === undefined ? undefined : cache?.lookup(key);
  if (hit) {
    ctx.stockOf.prime(hit.stock);
    ctx.studioById.prime(hit.studios);
    ctx.preorderCampaign.prime(hit.campaigns);
    // What this query's selection needs and the first did not (none when both asked the same).
    await readPageAhead(ctx, info, products(hit));
    return hit;
  }
  const generation = cache?.beginRead();
  const page = await listProducts(ctx.em, { ...query, withCount: selectsBelow(info, [], totalCount) });
  await readPageAhead(ctx, info, products(page));
  if (cache && key !== undefined) {
    const ids = page.items.map((item) => item.product.id);
    const studioIds = page.items.flatMap((item) => (item.product.studioId ? [item.product.studioId] : []));
    let total: Promise<number> | undefined;
    const kept: CachedPage = {
      items: page.items,
      hasNextPage: page.hasNextPage,
      countTotal: () => {
        total ??= page.countTotal().catch((err: unknown) => {
          total = undefined;
          throw err;
        });
        return total;
      },
      stock: ctx.stockOf.known(ids),
      studios: ctx.studioById.known(studioIds),
      campaigns: ctx.preorderCampaign.known(ids),
    };
    cache.keep(key, generation, kept);
    return kept;
  }
  return page;
}

const totalCount = new Set(['totalCount']);
const products = (page: Pick<ProductPage, 'items'>) => page.items.map((item) => item.product);

/** The query as a key; undefined when it may not be cached. Dates become ISO strings, absent fields drop out. */
async function listingKey(query: ListProductsQuery): Promise<string | undefined> {
  const { filter, sort, first, after, myCountry } = query;
  let region: string | null = null;
  if (filter?.availableInMyRegion) {
    if (!myCountry) return undefined;
    region = (await myCountry()) ?? 'unknown';
  }
  return JSON.stringify([filter ?? null, sort ?? null, first ?? null, after ?? null, region]);
}
