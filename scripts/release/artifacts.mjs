// What the release baseline holds and what the code generates today: each
// subgraph's SDL (services/<name>/schema.graphql, written by its build) and
// each event type@version's data as JSON Schema (from @vitrine/contracts' build).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '../..');
export const baselineRoot = join(repoRoot, 'release');
export const baselineSubgraphs = join(baselineRoot, 'subgraphs');
export const baselineEvents = join(baselineRoot, 'events');

/** `{ name: sdl }` for every service with a built schema.graphql. */
export function currentSubgraphSdl() {
  const services = join(repoRoot, 'services');
  const sdl = {};
  for (const name of readdirSync(services).sort()) {
    const path = join(services, name, 'schema.graphql');
    if (existsSync(join(services, name, 'package.json')) && existsSync(path)) sdl[name] = readFileSync(path, 'utf8');
  }
  return sdl;
}

/** `{ 'type@version': JSON Schema }` for every event the contracts define (needs @vitrine/contracts built). */
export async function currentEventSchemas() {
  const { eventDefinitions, eventDataJsonSchema } = await import('@vitrine/contracts');
  const schemas = {};
  for (const definition of eventDefinitions) schemas[`${definition.type}@${definition.version}`] = eventDataJsonSchema(definition);
  return schemas;
}

/** The baseline's files as `{ key: text }`, keyed by file name without its extension. */
export function readBaseline(folder, extension) {
  if (!existsSync(folder)) return {};
  const files = {};
  for (const file of readdirSync(folder).sort()) {
    if (file.endsWith(extension)) files[file.slice(0, -extension.length)] = readFileSync(join(folder, file), 'utf8');
  }
  return files;
}
