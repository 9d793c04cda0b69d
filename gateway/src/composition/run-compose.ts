import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultSupergraphPath, repoRoot } from '../paths.js';
import { subgraphs as defaultSubgraphs, type SubgraphDefinition } from '../subgraphs.js';
import { composeSupergraph } from './compose-supergraph.js';
import { loadSubgraphSdl, MissingSubgraphSdlError } from './load-subgraph-sdl.js';

export interface ComposeIo {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
}

const usage = 'usage: compose [--root <dir with services/*/schema.graphql>] [--out <supergraph.graphql>]';

/** The compose CLI as a function: returns the process exit code. */
export async function runCompose(argv: readonly string[], io: ComposeIo, definitions: readonly SubgraphDefinition[] = defaultSubgraphs): Promise<number> {
  let root: string;
  let out: string;
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: { root: { type: 'string' }, out: { type: 'string' } },
      strict: true,
    });
    root = resolve(values.root ?? repoRoot);
    out = resolve(values.out ?? defaultSupergraphPath);
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${usage}`);
    return 2;
  }

  let sdl;
  try {
    sdl = await loadSubgraphSdl(root, definitions);
  } catch (error) {
    if (!(error instanceof MissingSubgraphSdlError)) throw error;
    io.stderr(`supergraph composition failed: ${error.message}`);
    return 1;
  }

  const composition = composeSupergraph(sdl);
  if (!composition.ok) {
    io.stderr(`supergraph composition failed with ${composition.errors.length} error(s):`);
    for (const error of composition.errors) io.stderr(`  - ${error}`);
    return 1;
  }

  for (const hint of composition.hints) io.stdout(`  hint ${hint}`);
  await mkdir(dirname(out), { recursive: true });
  // Write then rename, so a reader never sees a half-written supergraph.
  const temporary = `${out}.${process.pid}.tmp`;
  await writeFile(temporary, composition.supergraphSdl);
  await rename(temporary, out);
  io.stdout(`supergraph composed from ${sdl.map((s) => s.name).join(', ')} -> ${displayPath(out)}`);
  return 0;
}

function displayPath(path: string): string {
  const fromCwd = relative(process.cwd(), path);
  return fromCwd.startsWith('..') || isAbsolute(fromCwd) ? path : fromCwd;
}
