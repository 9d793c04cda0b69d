import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { SubgraphDefinition } from '../subgraphs.js';

export interface SubgraphSdl {
  readonly name: string;
  readonly url: string;
  readonly sdl: string;
}

export class MissingSubgraphSdlError extends Error {
  constructor(
    readonly subgraph: string,
    readonly path: string,
  ) {
    super(`subgraph "${subgraph}": SDL artifact not found at ${path} (build that service first)`);
    this.name = 'MissingSubgraphSdlError';
  }
}

/**
 * Reads every subgraph's SDL artifact, resolving `sdlPath` against `root`.
 * Read one after the other so a missing artifact is always reported in list
 * order, not in whichever order the file system answered.
 */
export async function loadSubgraphSdl(root: string, definitions: readonly SubgraphDefinition[]): Promise<SubgraphSdl[]> {
  const loaded: SubgraphSdl[] = [];
  for (const { name, url, sdlPath } of definitions) {
    const path = resolve(root, sdlPath);
    try {
      loaded.push({ name, url, sdl: await readFile(path, 'utf8') });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new MissingSubgraphSdlError(name, path);
      throw error;
    }
  }
  return loaded;
}
