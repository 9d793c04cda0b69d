import { createRequire } from 'node:module';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// Node loads graphql's CommonJS build for every package that imports it (it has no "exports" map);
// vite would give our sources its ES build instead: two realms, and a scalar made in one is refused by
// a schema built in the other. One graphql for all, as at run time.
const graphqlEntry = createRequire(import.meta.url).resolve('graphql');

// Test tiers, by file name:
// - unit (`*.unit.spec.ts`): pure logic, no PostgreSQL, Kafka or network; seconds.
// - int (`*.int.spec.ts`): one service (or package) on a real PostgreSQL and Kafka, no other service.
// - e2e (`*.e2e.spec.ts`): the whole system, requested through the gateway.
// `vitest run` runs the three in one go; `--project unit|int|e2e` runs one. Only int and e2e start
// (or reach, with DATABASE_URL / KAFKA_BROKERS) the one PostgreSQL and one Kafka broker shared by
// every test file, each file getting its own database and topic prefix.
const roots = ['{packages,services,apps}/*/src/**', '{gateway,stack,e2e,bench}/src/**', 'scripts/**'];
const tier = (suffix: string) => roots.map((root) => `${root}/*.${suffix}.spec.ts`);
const infra = ['packages/testing/src/global-setup.ts'];

export default defineConfig({
  plugins: [
    // esbuild does not emit decorator metadata, which type-graphql reads.
    swc.vite({
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        target: 'es2023',
      },
    }),
  ],
  resolve: { conditions: ['vitrine-source'], alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  ssr: { resolve: { conditions: ['vitrine-source'] } },
  test: {
    // Inherited by every project below (vitest 5 inline projects extend the root config).
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
    projects: [
      { test: { name: 'unit', include: tier('unit') } },
      { test: { name: 'int', include: tier('int'), globalSetup: infra } },
      { test: { name: 'e2e', include: tier('e2e'), globalSetup: infra } },
      // fault (`*.fault.spec.ts`): the whole system as child processes on a PostgreSQL and a Kafka broker of its
      // own (it stops them), a part failed under a stream of purchases; one file, a few minutes.
      { test: { name: 'fault', include: ['fault/src/**/*.fault.spec.ts'] } },
      // browser (`*.browser.spec.ts`): an app (apps/*) in Debian's Chromium through playwright-core, on the whole
      // system; run after the app's build (`npm run build -w @vitrine/web`).
      { test: { name: 'browser', include: ['apps/*/src/**/*.browser.spec.ts'], globalSetup: infra } },
    ],
  },
});
