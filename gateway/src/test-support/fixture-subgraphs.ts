import { readFile } from 'node:fs/promises';
import type { IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import { parse } from 'graphql';
import { gatewayRoot } from '../paths.js';
import { subgraphs } from '../subgraphs.js';

export const validFixtureRoot = join(gatewayRoot, 'test-fixtures/valid');
export const brokenFixtureRoot = join(gatewayRoot, 'test-fixtures/broken');

/** The fixtures stand in for two real subgraphs; the gateway's own tests need no more. */
export const fixtureSubgraphs = subgraphs.filter((s) => s.name === 'catalog' || s.name === 'orders');

export interface FixtureSubgraph {
  readonly url: string;
  /** Headers of every request the subgraph received, oldest first. */
  readonly receivedHeaders: IncomingHttpHeaders[];
  /** The query text of every request, oldest first: the gateway's plan for it, or the client's own document. */
  readonly receivedQueries: string[];
  stop(): Promise<void>;
}

const products = [
  { id: 'p1', name: 'Saber 1/7 scale' },
  { id: 'p2', name: 'Nendoroid Miku' },
];

export interface OrdersBehaviour {
  /** Lets a test hold a request in flight (graceful shutdown). */
  delayMs: number;
  /** How many `orders` queries have reached the subgraph: a test waits on it, not on a sleep. */
  ordersReceived?: number;
}

const resolvers = {
  catalog: (): GraphQLResolverMap<unknown> => ({
    Query: {
      products: (_: unknown, { first }: { first?: number | null }) => products.slice(0, first ?? undefined),
      product: (_: unknown, { id }: { id: string }) => products.find((p) => p.id === id) ?? null,
    },
    Product: { __resolveReference: (ref: { id: string }) => products.find((p) => p.id === ref.id) },
  }),
  orders: (behaviour: OrdersBehaviour): GraphQLResolverMap<unknown> => ({
    Query: {
      orders: async () => {
        behaviour.ordersReceived = (behaviour.ordersReceived ?? 0) + 1;
        await new Promise((resolve) => setTimeout(resolve, behaviour.delayMs));
        return [{ id: 'o1', lines: [{ product: { id: 'p2' }, quantity: 3 }] }];
      },
      failingOrder: () => {
        throw new Error('orders database is on fire');
      },
    },
  }),
};

/** Starts a fixture subgraph on a free port from its SDL under test-fixtures/valid. */
export async function startFixtureSubgraph(name: 'catalog' | 'orders', behaviour: OrdersBehaviour = { delayMs: 0 }): Promise<FixtureSubgraph> {
  const sdl = await readFile(join(validFixtureRoot, 'services', name, 'schema.graphql'), 'utf8');
  const server = new ApolloServer({
    schema: buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers: name === 'catalog' ? resolvers.catalog() : resolvers.orders(behaviour) }]),
    // Like a subgraph in development mode: the gateway must not pass these on.
    includeStacktraceInErrorResponses: true,
  });
  const receivedHeaders: IncomingHttpHeaders[] = [];
  const receivedQueries: string[] = [];
  server.addPlugin({
    async requestDidStart({ request }) {
      receivedQueries.push(request.query ?? '');
    },
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) => {
      receivedHeaders.push(req.headers);
      return {};
    },
  });
  return { url, receivedHeaders, receivedQueries, stop: () => server.stop() };
}
