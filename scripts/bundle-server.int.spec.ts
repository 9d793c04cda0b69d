import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  freePort,
  startMinioServer,
  startProcess,
  startStripeMock,
  stopProcess,
  subgraphEntry,
  waitUntilReady,
  type ManagedProcess,
  type RunningMinio,
  type RunningStripeMock,
} from '@vitrine/local-infra';
import { createTestDatabase } from '@vitrine/testing';

// Every runner starts a subgraph's bundle (scripts/bundle-server.mjs): `npm start` (stack e2e spec) and the fault tier
// (on Kafka) cover the default configuration. What a bundle can break is code that finds files beside its own
// module (the Kafka client's WebAssembly did, until it was left outside): this starts the bundles with the parts
// they load only when configured, Stripe's SDK against stripe-mock and the AWS SDK against MinIO, each running its
// module code at start-up, and asks each for its schema.
const repo = join(import.meta.dirname, '..');
const running: ManagedProcess[] = [];
let stripeMock: RunningStripeMock | undefined;
let minio: RunningMinio | undefined;

afterAll(async () => {
  await Promise.all(running.map((proc) => stopProcess(proc)));
  await stripeMock?.stop();
  await minio?.stop();
});

async function startBundle(service: string, env: Record<string, string>): Promise<string> {
  const port = await freePort();
  const proc = startProcess(`${service}-bundle`, join(repo, 'services', service, subgraphEntry), {
    DATABASE_URL: await createTestDatabase(`bundle_${service}`),
    PORT: String(port),
    LOG_LEVEL: 'warn',
    ...env,
  });
  running.push(proc);
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(proc, `${url}/ready`, 90_000);
  return url;
}

async function sdlOf(url: string): Promise<string> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
    body: JSON.stringify({ query: '{ _service { sdl } }' }),
  });
  const body = (await res.json()) as { data?: { _service: { sdl: string } } };
  return body.data?._service.sdl ?? '';
}

const s3Env = (prefix: string, store: RunningMinio) => ({
  [`${prefix}_STORE`]: 's3',
  [`${prefix}_S3_ENDPOINT`]: store.endpoint,
  [`${prefix}_S3_ACCESS_KEY_ID`]: store.accessKeyId,
  [`${prefix}_S3_SECRET_ACCESS_KEY`]: store.secretAccessKey,
  [`${prefix}_S3_FORCE_PATH_STYLE`]: 'true',
});

describe("a subgraph's bundle", () => {
  it("runs payments on Stripe's SDK", async () => {
    stripeMock = await startStripeMock();
    const url = await startBundle('payments', {
      PAYMENTS_PROVIDER: 'stripe',
      STRIPE_SECRET_KEY: 'sk_test_bundleSmoke123',
      STRIPE_WEBHOOK_SECRET: 'whsec_bundleSmoke123',
      STRIPE_API_URL: stripeMock.url,
    });
    expect(await sdlOf(url)).toContain('type PaymentIntent');
  });

  it('runs aftersales and catalog on S3 (MinIO)', async () => {
    minio = await startMinioServer();
    const [aftersales, catalog] = await Promise.all([
      startBundle('aftersales', s3Env('EVIDENCE', minio)),
      startBundle('catalog', s3Env('PRODUCT_IMAGE', minio)),
    ]);
    expect(await sdlOf(aftersales)).toContain('type Claim');
    expect(await sdlOf(catalog)).toContain('type Product');
  });
});
