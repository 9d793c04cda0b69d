import type { BenchConfig } from '../config.js';
import { bearer, classifyResponse } from '../graphql.js';
import { alternately, runLoad, summarize, type LoadResult } from '../load.js';
import type { Seed } from '../seed.js';
import type { Sampler } from '../resources.js';
import type { BenchStack } from '../stack.js';

interface ReadTarget {
  name: string;
  path: 'gateway' | 'direct';
  /** The subgraph owning the root field (the one a direct read goes to). */
  subgraph: 'catalog' | 'orders';
  query: string;
}

export interface ReadComparison {
  name: string;
  gateway: { target: ReadTarget; result: LoadResult };
  direct: { target: ReadTarget; result: LoadResult };
  /** gateway / direct latency: what federation (an extra hop, query planning, entity fetches) costs. */
  p50Ratio: number;
  p99Ratio: number;
  note?: string;
}

const productsQuery = `query Products { products(first: 20) { edges { node { id name price { amount currency } } } } }`;
const orderViaGateway = `query Order($id: ID!) { order(id: $id) { lines { product { name price { amount } } } } }`;
// Orders only holds product ids; names and prices need the catalog, i.e. the gateway.
const orderDirect = `query Order($id: ID!) { order(id: $id) { lines { quantity product { id } } } }`;

interface Side {
  query: string;
  variables?: Record<string, unknown>;
  /** e.g. the order owner's bearer token: orders are only shown to the customer who placed them. */
  headers?: Record<string, string>;
  url: string;
  /** Whether a response's data is what the query asks for (a 200 can still be empty or partial). */
  ok: (data: unknown) => boolean;
}

export interface Pair {
  name: string;
  subgraph: ReadTarget['subgraph'];
  gateway: Side;
  direct: Side;
  note?: string;
}

type Data = Record<string, any>;
const productsOk = (data: unknown) => (data as Data | null)?.products?.edges?.length === 20;
// Names must be filled in, or the gateway quietly dropped the catalog fetch.
const orderOk = (withNames: boolean) => (data: unknown) => {
  const lines = (data as Data | null)?.order?.lines as Data[] | undefined;
  return !!lines?.length && lines.every((l) => (withNames ? typeof l.product?.name === 'string' : typeof l.product?.id === 'string'));
};

/** The operations of (a), each as sent through the gateway and straight at the subgraph owning it (the hive workload sends the gateway side to Hive Gateway). */
export function readPairs(stack: BenchStack, seed: Seed): Pair[] {
  const order = { id: seed.orderId };
  const owner = bearer(seed.orderOwner.token);
  return [
    {
      name: 'products(first: 20)',
      subgraph: 'catalog',
      gateway: { query: productsQuery, url: stack.urls.gateway, ok: productsOk },
      direct: { query: productsQuery, url: stack.urls.catalog, ok: productsOk },
    },
    {
      name: 'order(id) with product names',
      subgraph: 'orders',
      gateway: { query: orderViaGateway, variables: order, headers: owner, url: stack.urls.gateway, ok: orderOk(true) },
      direct: { query: orderDirect, variables: order, headers: owner, url: stack.urls.orders, ok: orderOk(false) },
      note: "Direct to orders the query can only ask `lines { quantity product { id } }`: product names and prices live in catalog, so the gateway side does one more subgraph fetch (an `_entities` call to catalog) than the direct side. Both sides send the order owner's token: the direct side verifies it once (orders), the gateway side three times (gateway, orders, and catalog for the `_entities` call, since the header is forwarded to every subgraph).",
    },
  ];
}

/** How the hive workload varies a side: sent elsewhere (`url`: Hive Gateway), named so, warmed up or not, for a share of the duration. */
export interface ReadRunOptions {
  url?: string;
  label?: string;
  warmup?: boolean;
  seconds?: number;
}

/** One side of a pair: a warm-up, then the measured run, with (a)'s connections and duration unless `options` say otherwise. */
export async function measureRead(
  config: BenchConfig,
  stack: BenchStack,
  sample: Sampler,
  pair: Pair,
  path: 'gateway' | 'direct',
  options: ReadRunOptions = {},
): Promise<{ target: ReadTarget; result: LoadResult }> {
  const side = pair[path];
  const target: ReadTarget = { name: pair.name, path, subgraph: pair.subgraph, query: side.query };
  const { url = side.url, label = describe(target), warmup = true, seconds = config.readSeconds } = options;
  const spec = {
    url,
    connections: config.readConnections,
    requestTimeoutSeconds: config.requestTimeoutSeconds,
    sample,
    request: { body: JSON.stringify({ query: side.query, variables: side.variables ?? {} }), ...(side.headers ? { headers: side.headers } : {}) },
    classify: (status: number, body: string) => classifyResponse(status, body, side.ok),
  };
  if (warmup && config.warmupSeconds > 0) await runLoad({ ...spec, durationSeconds: config.warmupSeconds });
  stack.assertAlive();
  const result = await runLoad({ ...spec, durationSeconds: seconds });
  stack.assertAlive();
  console.log(`[bench] ${label}: ${summarize(result)}`);
  return { target, result };
}

/**
 * Each query through the gateway and straight at the subgraph that owns it, with the same connections, in halves
 * (`alternately`: gateway / direct / direct / gateway, pooled per side, as the Hive comparison does): the side
 * measured first no longer pays alone for code still warming up (JIT, the passthrough learning a document) or for a
 * drift of the shared machine's speed.
 */
export async function runFederatedReads(config: BenchConfig, stack: BenchStack, seed: Seed, sample: Sampler): Promise<ReadComparison[]> {
  const comparisons: ReadComparison[] = [];
  const half = config.readSeconds / 2;
  const pairs = readPairs(stack, seed);
  // (a) runs first after set-up, and the gateway kept speeding up through its first minute under load (one run read
  // products(first: 20) through it at 1800 and 2146 req/s in (a), then 3184, 3687 and 3846 in the workloads after):
  // (a) compares the gateway's steady cost with the subgraph's, so it starts once the gateway has had that load.
  if (config.gatewayWarmupSeconds > 0) {
    for (const pair of pairs) {
      await measureRead(config, stack, sample, pair, 'gateway', {
        warmup: false,
        seconds: config.gatewayWarmupSeconds / pairs.length,
        label: `${pair.name} gateway warm-up (not measured)`,
      });
    }
  }
  for (const pair of pairs) {
    const run = (path: 'gateway' | 'direct') => (warmup: boolean) =>
      measureRead(config, stack, sample, pair, path, { warmup, seconds: half, label: `${pair.name} ${path} (${half} s)` });
    const [gateway, direct] = await alternately(run('gateway'), run('direct'));
    const comparison: ReadComparison = {
      name: pair.name,
      gateway,
      direct,
      p50Ratio: gateway.result.p50 / direct.result.p50,
      p99Ratio: gateway.result.p99 / direct.result.p99,
      ...(pair.note ? { note: pair.note } : {}),
    };
    console.log(`[bench] ${describe(gateway.target)}: ${summarize(gateway.result)}`);
    console.log(`[bench] ${describe(direct.target)}: ${summarize(direct.result)}`);
    console.log(`[bench]   gateway/direct latency: p50 x${comparison.p50Ratio.toFixed(2)}, p99 x${comparison.p99Ratio.toFixed(2)}`);
    comparisons.push(comparison);
  }
  return comparisons;
}

function describe(target: ReadTarget): string {
  return `${target.name} via ${target.path === 'gateway' ? 'gateway' : `${target.subgraph} directly`}`;
}
