// `npm run release:baseline`: records what is released (after a build), so the
// breaking-change check compares later code with it. Run it deliberately, when
// cutting a release; commit release/ with the release.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { baselineEvents, baselineSubgraphs, currentEventSchemas, currentSubgraphSdl } from './artifacts.mjs';

rmSync(baselineSubgraphs, { recursive: true, force: true });
rmSync(baselineEvents, { recursive: true, force: true });
mkdirSync(baselineSubgraphs, { recursive: true });
mkdirSync(baselineEvents, { recursive: true });
const sdl = currentSubgraphSdl();
for (const [name, text] of Object.entries(sdl)) writeFileSync(join(baselineSubgraphs, `${name}.graphql`), text);
const events = await currentEventSchemas();
for (const [key, schema] of Object.entries(events)) writeFileSync(join(baselineEvents, `${key}.json`), `${JSON.stringify(schema, null, 2)}\n`);
console.log(`release baseline: ${Object.keys(sdl).length} subgraphs, ${Object.keys(events).length} event versions written to release/`);
