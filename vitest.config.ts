import { createRequire } from 'node:module';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// Node loads graphql's CommonJS build for every package that imports it (it has no "exports" map);
// vite would give our sources its ES build instead: two realms, and a scalar made in one is refused by
// a schema built in the other. One graphql for all, as at run time.
const graphqlEntry = createRequire(import.meta.url).resolve('graphql');

// One vitest run for the whole monorepo: a single PostgreSQL and a single Kafka
// broker (started in globalSetup) are shared by every test file, each file
// getting its own database and topic prefix.
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
    include: ['{packages,services}/*/src/**/*.spec.ts', '{gateway,stack,e2e,bench}/src/**/*.spec.ts', 'scripts/**/*.spec.ts'],
    globalSetup: ['packages/testing/src/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
  },
});
