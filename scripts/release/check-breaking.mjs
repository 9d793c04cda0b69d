// `npm test` (after the build): compares each subgraph's SDL and each event
// type@version's JSON Schema with the release baseline in release/. A breaking
// change fails: deprecate first (GraphQL), or publish a new event version.
import { graphqlBreaks, eventSchemaBreaks } from './compatibility.mjs';
import { baselineEvents, baselineSubgraphs, currentEventSchemas, currentSubgraphSdl, readBaseline } from './artifacts.mjs';

const problems = [];
const baselineSdl = readBaseline(baselineSubgraphs, '.graphql');
const currentSdl = currentSubgraphSdl();
for (const [name, sdl] of Object.entries(baselineSdl)) {
  if (!(name in currentSdl)) {
    problems.push(`subgraph ${name}: released, now gone`);
    continue;
  }
  for (const p of await graphqlBreaks(sdl, currentSdl[name])) problems.push(`subgraph ${name}: ${p.message} (${p.path})`);
}

const baselineSchemas = readBaseline(baselineEvents, '.json');
const currentSchemas = await currentEventSchemas();
for (const [key, text] of Object.entries(baselineSchemas)) {
  if (!(key in currentSchemas)) {
    problems.push(`event ${key}: released, now gone (consumers may still receive it)`);
    continue;
  }
  for (const p of eventSchemaBreaks(JSON.parse(text), currentSchemas[key])) problems.push(`event ${key}: ${p.path}: ${p.message}`);
}

if (Object.keys(baselineSdl).length === 0 && Object.keys(baselineSchemas).length === 0) {
  console.error('check-breaking: release/ holds no baseline; cut one with `npm run release:baseline`.');
  process.exit(1);
}
if (problems.length > 0) {
  console.error(`Breaking changes since the release baseline (release/):\n  ${problems.join('\n  ')}`);
  console.error(
    'GraphQL: mark the field, argument or enum value @deprecated and release that first; events: add a new version (one file per version) instead of changing a released one. ' +
      'If the break is deliberate and agreed, cut a new baseline with `npm run release:baseline` and commit it.',
  );
  process.exit(1);
}
const newSubgraphs = Object.keys(currentSdl).filter((n) => !(n in baselineSdl));
const newEvents = Object.keys(currentSchemas).filter((k) => !(k in baselineSchemas));
console.log(
  `check-breaking: no breaking change since the release baseline (${Object.keys(baselineSdl).length} subgraphs, ${Object.keys(baselineSchemas).length} event versions)` +
    (newSubgraphs.length + newEvents.length ? `; not released yet: ${[...newSubgraphs, ...newEvents].join(', ')}` : ''),
);
