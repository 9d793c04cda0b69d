#!/usr/bin/env node
// Bundles a subgraph's compiled entry (dist/main.js, from tsc) into dist/server/: what `npm start`, the bench, the
// fault tier and the Docker image run (packages/local-infra/src/server-runtime.ts, `subgraphEntry`). Run from the
// service's folder, as the last step of its `build` script.
//
// Why: an idle subgraph held ~185 MiB resident, a fifth of it the source text V8 keeps of the ~1,800 modules it
// loads (for lazy compilation). One minified file (identifiers shortened: whitespace alone saved nothing) brought
// each to ~160 MiB in the bench, with the same throughput (bench/README.md, Memory). Code split at the dynamic
// imports, so what is loaded on first use (the Kafka client, Stripe's SDK, mailparser) still is.
//
// Left outside, loaded from node_modules as before: native addons, the Kafka client (it reads a WebAssembly file
// beside its own), and what the code requires by a computed name (date-holidays, through createRequire). A stack
// trace points into the bundle; its source map sits beside it, read when a server runs with --enable-source-maps.
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';

const entry = 'dist/main.js';
const outdir = 'dist/server';

await rm(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints: [entry],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node24',
  minify: true,
  // MikroORM names entities after their classes, and errors and logs name classes and functions.
  keepNames: true,
  sourcemap: 'linked',
  sourcesContent: false,
  external: ['@node-rs/*', 'pg-native', '@platformatic/kafka'],
  // CommonJS packages inside an ES module bundle still call require (for Node's built-ins).
  banner: { js: "import { createRequire as vitrineCreateRequire } from 'node:module'; const require = vitrineCreateRequire(import.meta.url);" },
  metafile: true,
  logLevel: 'warning',
});
const files = Object.keys(result.metafile.outputs).filter((file) => file.endsWith('.js'));
const bytes = (await Promise.all(files.map((file) => stat(file)))).reduce((sum, s) => sum + s.size, 0);
console.log(`bundled ${join(outdir, 'main.js')}: ${files.length} files, ${(bytes / 2 ** 20).toFixed(1)} MiB`);
