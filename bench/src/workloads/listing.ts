import type { BenchConfig } from '../config.js';
import { classifyResponse } from '../graphql.js';
import { runLoad, summarize, type LoadResult } from '../load.js';
import type { Sampler } from '../resources.js';
import type { BenchStack } from '../stack.js';

export interface ListingRun {
  query: string;
  result: LoadResult;
  /** The same page asked with a price bound of its own per request, so no two requests are the same query. */
  distinct: { query: string; result: LoadResult };
}

const listingFields = `totalCount edges { node { id name price { amount currency } availableQuantity } }`;
const listingQuery = `query Listing { products(first: 50) { ${listingFields} } }`;
const distinctListingQuery = `query Listing($max: Int!) { products(first: 50, filter: { priceRange: { max: $max } }) { ${listingFields} } }`;
/** Above every seeded price (a few thousand minor units), so each bound lists the same products as the plain query. */
const firstPriceBound = 1_000_000_000;

type Data = Record<string, any>;
/** A full page (50, or every product when there are fewer), a count, and every node with a price and an available quantity (null: open-ended preorder). */
const listingOk = (data: unknown) => {
  const products = (data as Data | null)?.products;
  const edges = products?.edges as Data[] | undefined;
  if (typeof products?.totalCount !== 'number' || !edges) return false;
  return (
    edges.length === Math.min(50, products.totalCount) &&
    edges.every(
      (e) =>
        typeof e.node?.id === 'string' &&
        typeof e.node?.price?.amount === 'number' &&
        (typeof e.node?.availableQuantity === 'number' || e.node?.availableQuantity === null),
    )
  );
};

/**
 * The storefront's catalog page through the gateway: 50 products with price
 * and available quantity, plus totalCount (an extra count query in catalog, only run when
 * asked for). Anonymous, like a shopper browsing; after a warm-up. Twice: the same query
 * every time (what catalog's listing cache answers), then a distinct query per request.
 */
export async function runListing(config: BenchConfig, stack: BenchStack, sample: Sampler): Promise<ListingRun> {
  const spec = {
    url: stack.urls.gateway,
    connections: config.listingConnections,
    requestTimeoutSeconds: config.requestTimeoutSeconds,
    sample,
    request: { body: JSON.stringify({ query: listingQuery }) },
    classify: (status: number, body: string) => classifyResponse(status, body, listingOk),
  };
  stack.assertAlive();
  if (config.warmupSeconds > 0) await runLoad({ ...spec, durationSeconds: config.warmupSeconds });
  const result = await runLoad({ ...spec, durationSeconds: config.readSeconds });
  stack.assertAlive();
  console.log(`[bench] listing products(first: 50) via gateway: ${summarize(result)}`);
  // What catalog's listing cache cannot answer: a query it has not seen (each page read from PostgreSQL).
  let bound = firstPriceBound;
  const distinctSpec = { ...spec, request: () => ({ body: JSON.stringify({ query: distinctListingQuery, variables: { max: bound++ } }) }) };
  if (config.warmupSeconds > 0) await runLoad({ ...distinctSpec, durationSeconds: config.warmupSeconds });
  const distinct = await runLoad({ ...distinctSpec, durationSeconds: config.readSeconds });
  stack.assertAlive();
  console.log(`[bench] listing products(first: 50), a distinct query per request, via gateway: ${summarize(distinct)}`);
  return { query: listingQuery, result, distinct: { query: distinctListingQuery, result: distinct } };
}
