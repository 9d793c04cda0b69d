#!/usr/bin/env node
// Build step: composes services/*/schema.graphql into gateway/supergraph.graphql.
// A composition error exits non-zero so the build (and CI) fails.
import { runCompose } from './composition/run-compose.js';

process.exitCode = await runCompose(process.argv.slice(2), {
  stdout: (line) => console.log(line),
  stderr: (line) => console.error(line),
});
