import { buildSchema } from 'graphql';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSubgraphServer, type RunningSubgraphServer } from './subgraph-server.js';

// /ready is what the gateway routes by: a subgraph without its database says
// 503, one without its event transport still serves (200, degraded).
const parts = { database: true, eventTransport: true };
const check = (part: keyof typeof parts) => async () => {
  if (!parts[part]) throw new Error(`${part} unreachable`);
};
let server: RunningSubgraphServer;
let readyUrl: URL;

beforeAll(async () => {
  server = await startSubgraphServer({
    schema: buildSchema('type Query { ok: Boolean }'),
    logger: pino({ level: 'silent' }),
    host: '127.0.0.1',
    port: 0,
    createContext: () => ({}),
    readiness: { database: check('database'), eventTransport: check('eventTransport') },
    // Each probe here must see the parts as just set; the sharing is its own spec (readiness.unit.spec.ts).
    readinessShareMs: 0,
  });
  readyUrl = new URL('/ready', server.url);
});
afterAll(() => server?.stop());

async function ready(): Promise<{ status: number; body: unknown }> {
  const response = await fetch(readyUrl);
  return { status: response.status, body: await response.json() };
}

describe("a subgraph's /ready", () => {
  it('is 200 ready with every part up', async () => {
    expect(await ready()).toEqual({ status: 200, body: { status: 'ready', database: 'up', eventTransport: 'up' } });
  });

  it('is 200 degraded without the event transport (events wait in the outbox)', async () => {
    parts.eventTransport = false;
    expect(await ready()).toEqual({ status: 200, body: { status: 'degraded', database: 'up', eventTransport: 'down' } });
    parts.eventTransport = true;
  });

  it('is 503 unavailable without the database', async () => {
    parts.database = false;
    expect(await ready()).toEqual({ status: 503, body: { status: 'unavailable', database: 'down', eventTransport: 'up' } });
    parts.database = true;
  });
});
