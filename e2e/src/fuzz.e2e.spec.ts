import { subgraphs } from '@vitrine/gateway';
import { gql, type GraphQLResponse } from '@vitrine/testing';
import fc from 'fast-check';
import { buildClientSchema, getIntrospectionQuery, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { useKnownIds } from './fuzz/adversarial-values.js';
import { operationArbitrary, type GeneratedOperation } from './fuzz/operation-arbitrary.js';
import { signIn, type Identity } from './support/identities.js';
import { createProduct, startTestStack, type TestStack } from './support/stack.js';

/**
 * Issue #17: a seeded fuzzer over the composed supergraph and every subgraph.
 * Operations come from each target's own schema (the gateway's is the
 * supergraph's API schema), with random and adversarial arguments, as an
 * anonymous caller, a customer, a staff member holding one scope and an admin.
 * Pass: no INTERNAL_SERVER_ERROR (nor an error without a code), no transport
 * detail in any error, no 5xx.
 *
 * FUZZ_SEED=<n> replays a run; FUZZ_OPERATIONS sets its size (default 10,000).
 */
const seed = Number(process.env['FUZZ_SEED'] ?? Date.now() % 2 ** 31);
const operations = Number(process.env['FUZZ_OPERATIONS'] ?? 10_000);
const concurrency = 8;

interface Target {
  readonly name: string;
  readonly url: string;
  readonly schema: GraphQLSchema;
}

let stack: TestStack;
let targets: Target[];
let identities: Record<string, Identity | undefined>;

async function introspect(url: string): Promise<GraphQLSchema> {
  const res = await gql<IntrospectionQuery>(url, getIntrospectionQuery());
  if (res.errors) throw new Error(`introspection of ${url} failed: ${JSON.stringify(res.errors)}`);
  return buildClientSchema(res.data!);
}

beforeAll(async () => {
  stack = await startTestStack({ label: 'fuzz', gateway: true });
  const staffMember = await stack.newCustomer('JP');
  const grant = await gql(
    stack.accounts.url,
    `mutation($id: ID!, $scopes: [String!]!) { grantStaffRole(customerId: $id, scopes: $scopes) { id } }`,
    { id: staffMember.id, scopes: ['catalog:write'] },
    stack.admin.headers,
  );
  if (grant.errors) throw new Error(JSON.stringify(grant.errors));
  identities = {
    anonymous: undefined,
    customer: stack.customer,
    staff: await signIn(stack.accounts.url, staffMember.email, 'Figure-Fan-2026!'),
    admin: stack.admin,
  };
  const product = await createProduct(stack, 50, 4200);
  useKnownIds([stack.customer.id, stack.admin.id, staffMember.id, product.id, stack.warehouses.france, stack.warehouses.factory]);
  targets = [{ name: 'gateway', url: stack.gateway!.url, schema: await introspect(stack.gateway!.url) }];
  for (const { name } of subgraphs) targets.push({ name, url: stack[name].url, schema: await introspect(stack[name].url) });
});
afterAll(async () => {
  await stack?.stop();
});

const transportKeys = ['response', 'serviceName', 'stacktrace', 'exception'];
const transportText = /https?:\/\/(?:127\.0\.0\.1|localhost)|ECONNREFUSED|node_modules|at \S+\.(?:js|ts):\d+/;

/** What is wrong with a response, if anything. */
export function fault(response: GraphQLResponse): string | undefined {
  if (response.status >= 500) return `HTTP ${response.status}`;
  for (const error of response.errors ?? []) {
    const code = error.extensions?.['code'];
    if (typeof code !== 'string') return 'an error without extensions.code';
    if (code === 'INTERNAL_SERVER_ERROR') return 'INTERNAL_SERVER_ERROR';
    const leaked = transportKeys.find((key) => key in (error.extensions ?? {}));
    if (leaked) return `transport detail in extensions.${leaked}`;
    if (transportText.test(error.message)) return 'transport detail in the message';
  }
  return undefined;
}

interface Case {
  readonly target: string;
  readonly identity: string;
  readonly operation: GeneratedOperation;
}

/** Long values are shortened in a report, never in what is sent. */
function describeCase(c: Case, response: GraphQLResponse | Error): string {
  const shorten = (_: string, v: unknown) => (typeof v === 'string' && v.length > 200 ? `${v.slice(0, 60)}...(${v.length} chars)` : v);
  return JSON.stringify(
    {
      target: c.target,
      identity: c.identity,
      query: c.operation.query,
      variables: c.operation.variables,
      response: response instanceof Error ? response.message : { status: response.status, errors: response.errors },
    },
    shorten,
    2,
  );
}

describe('fuzzing the supergraph and every subgraph', () => {
  it(`answers ${operations} generated operations without an internal error or a transport detail`, { timeout: 15 * 60_000 }, async () => {
    console.log(`fuzz: seed ${seed} (replay with FUZZ_SEED=${seed}), ${operations} operations over ${targets.map((t) => t.name).join(', ')}`);
    const perTarget = new Map(targets.map((t) => [t.name, operationArbitrary(t.schema)]));
    const byName = new Map(targets.map((t) => [t.name, t]));
    const oneCase: fc.Arbitrary<Case> = fc
      .tuple(fc.constantFrom(...byName.keys()), fc.constantFrom(...Object.keys(identities)))
      .chain(([target, identity]) => perTarget.get(target)!.map((operation) => ({ target, identity, operation })));
    // Every distinct failure (problem, target, root field) is kept with its first reproducing operation: one run shows them all.
    const failures = new Map<string, string>();
    const time = new Map<string, number>();
    const tally = { sent: 0, refusedAsExpected: 0, byTarget: {} as Record<string, number> };

    const run = await fc.check(
      fc.asyncProperty(fc.array(oneCase, { minLength: concurrency, maxLength: concurrency }), async (batch) => {
        await Promise.all(
          batch.map(async (c) => {
            const headers = identities[c.identity]?.headers ?? {};
            let response: GraphQLResponse;
            const started = performance.now();
            try {
              response = await gql(byName.get(c.target)!.url, c.operation.query, c.operation.variables, headers);
            } catch (error) {
              failures.set(`no answer ${failures.size}`, `no GraphQL answer for\n${describeCase(c, error as Error)}`);
              return;
            }
            tally.sent++;
            tally.byTarget[c.target] = (tally.byTarget[c.target] ?? 0) + 1;
            if (response.errors?.length) tally.refusedAsExpected++;
            const rootField = /\{\s*(\w+)/.exec(c.operation.query)?.[1];
            const field = `${c.target}.${rootField}`;
            time.set(field, (time.get(field) ?? 0) + performance.now() - started);
            const problem = fault(response);
            const kind = `${problem} on ${field}`;
            if (problem && !failures.has(kind)) failures.set(kind, `${problem} for\n${describeCase(c, response)}`);
          }),
        );
      }),
      { seed, numRuns: Math.ceil(operations / concurrency), endOnFailure: true },
    );
    // fast-check's own report prints every value of the batch in full (some are 600 kB): ours shortens them.
    const slowest = [...time]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([f, ms]) => `${f} ${Math.round(ms / 1000)} s`);
    console.log(`fuzz: most time in ${slowest.join(', ')}`);
    if (run.failed) throw new Error(`fuzz failed (FUZZ_SEED=${seed}, run ${run.numRuns}): ${(run.errorInstance as Error | undefined)?.message ?? 'see above'}`);
    if (failures.size) throw new Error(`fuzz (FUZZ_SEED=${seed}) found ${failures.size} kinds of failure:\n${[...failures.values()].join('\n\n')}`);
    console.log(`fuzz: ${tally.sent} operations (${JSON.stringify(tally.byTarget)}), ${tally.refusedAsExpected} answered with client errors, none internal`);
  });
});
