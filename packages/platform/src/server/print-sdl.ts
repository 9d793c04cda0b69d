import { writeFile } from 'node:fs/promises';
import { printSubgraphSchema } from '@apollo/subgraph';
import type { ServiceDefinition } from '../service/service-definition.js';
import { buildFederatedSchema } from './build-subgraph-schema.js';

/** Writes a subgraph's SDL artifact, which the gateway build composes into the supergraph. */
export async function writeSubgraphSdl(definition: ServiceDefinition, path: URL | string): Promise<void> {
  const schema = await buildFederatedSchema(definition);
  await writeFile(path, printSubgraphSchema(schema));
}
