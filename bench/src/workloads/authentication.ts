import type { BenchConfig } from '../config.js';
import { bearer, classifyResponse } from '../graphql.js';
import { mergeLoadResults, runLoad, summarize, type LoadResult, type LoadSpec, type RequestContext, type RequestParts } from '../load.js';
import type { Sampler } from '../resources.js';
import { loginMutation, type BenchCustomer, type Seed } from '../seed.js';
import type { BenchStack } from '../stack.js';

/** One measured run through the gateway. */
export interface AuthRun {
  name: string;
  query: string;
  result: LoadResult;
}

/** The same query through the gateway without and with a bearer token: what verifying it costs. */
export interface TokenCost {
  query: string;
  without: LoadResult;
  with: LoadResult;
  /** with / without */
  p50Ratio: number;
  p99Ratio: number;
  throughputRatio: number;
}

/**
 * Label for a response that is well-formed but about another customer than
 * the one whose credentials were sent. Any of these fails the run.
 */
export const wrongCustomer = 'WRONG_CUSTOMER';

const meQuery = 'query Me { me { id email } }';
// Like (a)'s products read minus prices: a single catalog fetch, so what changes with a token is the verification.
const productNamesQuery = 'query ProductNames { products(first: 20) { edges { node { id name } } } }';

type Data = Record<string, any>;

/** Each request takes the next customer, noted in the context so the response can be checked against it. */
function roundRobin(customers: readonly BenchCustomer[], parts: (customer: BenchCustomer) => RequestParts) {
  let next = 0;
  return (context: RequestContext): RequestParts => {
    const customer = customers[next++ % customers.length]!;
    context.customerId = customer.id;
    context.email = customer.email;
    return parts(customer);
  };
}

/** Unmeasured warm-up (when configured), then the measured run; a dead server fails the run. */
async function measure(
  config: BenchConfig,
  stack: BenchStack,
  label: string,
  spec: Omit<LoadSpec, 'durationSeconds' | 'requestTimeoutSeconds' | 'url'>,
): Promise<LoadResult> {
  const { sample, ...unsampled } = spec;
  const full = { ...unsampled, url: stack.urls.gateway, requestTimeoutSeconds: config.requestTimeoutSeconds };
  if (config.warmupSeconds > 0) await runLoad({ ...full, durationSeconds: config.warmupSeconds });
  stack.assertAlive();
  const result = await runLoad({ ...full, ...(sample ? { sample } : {}), durationSeconds: config.authSeconds });
  stack.assertAlive();
  console.log(`[bench] ${label}: ${summarize(result)}`);
  return result;
}

/**
 * (c) `login` through the gateway, the seeded customers round-robin with
 * their right password. argon2id (m=19 MiB, t=2) makes every sign-in
 * deliberately expensive; successful sign-ins are never throttled (only
 * failures count), so this measures the hashing, the session write and the
 * token signature.
 */
export async function runLogin(config: BenchConfig, stack: BenchStack, seed: Seed, sample: Sampler): Promise<AuthRun> {
  const request = roundRobin(seed.customers, (c) => ({
    body: JSON.stringify({ query: loginMutation, variables: { email: c.email, password: c.password } }),
  }));
  const classify = (status: number, body: string, context: RequestContext) =>
    classifyResponse(status, body, (data) => {
      const login = (data as Data | null)?.login;
      if (typeof login?.accessToken !== 'string' || !login.customer?.id) return false;
      return login.customer.id === context.customerId ? true : wrongCustomer;
    });
  const result = await measure(config, stack, `login via gateway (${config.loginConnections} connections)`, {
    connections: config.loginConnections,
    request,
    classify,
    sample,
  });
  return { name: 'login', query: loginMutation.replace(/\s+/g, ' '), result };
}

/** (d) `me { id email }` through the gateway, each request with the next customer's token; the answer must be that customer. */
export async function runMe(config: BenchConfig, stack: BenchStack, seed: Seed, sample: Sampler): Promise<AuthRun> {
  const body = JSON.stringify({ query: meQuery, variables: {} });
  const request = roundRobin(seed.customers, (c) => ({ body, headers: bearer(c.token) }));
  const classify = (status: number, text: string, context: RequestContext) =>
    classifyResponse(status, text, (data) => {
      const me = (data as Data | null)?.me;
      if (typeof me?.id !== 'string') return false;
      return me.id === context.customerId && me.email === context.email ? true : wrongCustomer;
    });
  const result = await measure(config, stack, `me via gateway (${config.readConnections} connections)`, {
    connections: config.readConnections,
    request,
    classify,
    sample,
  });
  return { name: 'me { id email }', query: meQuery, result };
}

/**
 * (e) The same public query through the gateway, anonymous and with a
 * customer's bearer token (round-robin). With a token the gateway verifies
 * the ES256 signature and forwards the header, and catalog verifies it again.
 * After a warm-up of each, the measured time is split into four runs in the
 * order without, with, with, without, and each side's runs are pooled: drift
 * or a burst of background work then weighs on both sides alike rather than
 * on whichever ran second. Both sides build every request the same way, so
 * the load generator's own cost does not differ between them.
 */
export async function runTokenCost(config: BenchConfig, stack: BenchStack, seed: Seed, sample: Sampler): Promise<TokenCost> {
  const body = JSON.stringify({ query: productNamesQuery, variables: {} });
  const ok = (data: unknown) => (data as Data | null)?.products?.edges?.length === 20;
  const spec = (withToken: boolean, durationSeconds: number, sampled: boolean): LoadSpec => ({
    url: stack.urls.gateway,
    connections: config.readConnections,
    durationSeconds,
    requestTimeoutSeconds: config.requestTimeoutSeconds,
    request: roundRobin(seed.customers, (c) => (withToken ? { body, headers: bearer(c.token) } : { body })),
    classify: (status, text) => classifyResponse(status, text, ok),
    ...(sampled ? { sample } : {}),
  });
  if (config.warmupSeconds > 0) {
    await runLoad(spec(false, config.warmupSeconds, false));
    await runLoad(spec(true, config.warmupSeconds, false));
  }
  const half = config.authSeconds / 2;
  const runs: { withToken: boolean; result: LoadResult }[] = [];
  for (const withToken of [false, true, true, false]) {
    stack.assertAlive();
    runs.push({ withToken, result: await runLoad(spec(withToken, half, true)) });
  }
  stack.assertAlive();
  const without = mergeLoadResults(runs.filter((r) => !r.withToken).map((r) => r.result));
  const withToken = mergeLoadResults(runs.filter((r) => r.withToken).map((r) => r.result));
  console.log(`[bench] products(first: 20) names via gateway, no token: ${summarize(without)}`);
  console.log(`[bench] products(first: 20) names via gateway, with a token: ${summarize(withToken)}`);
  const cost: TokenCost = {
    query: productNamesQuery,
    without,
    with: withToken,
    p50Ratio: withToken.p50 / without.p50,
    p99Ratio: withToken.p99 / without.p99,
    throughputRatio: withToken.perSecond / without.perSecond,
  };
  console.log(`[bench]   with/without token: req/s x${cost.throughputRatio.toFixed(2)}, p50 x${cost.p50Ratio.toFixed(2)}, p99 x${cost.p99Ratio.toFixed(2)}`);
  return cost;
}
