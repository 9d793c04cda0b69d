import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { brokenFixtureRoot, fixtureSubgraphs as subgraphs, validFixtureRoot } from '../test-support/fixture-subgraphs.js';
import { composeSupergraph } from './compose-supergraph.js';
import { loadSubgraphSdl } from './load-subgraph-sdl.js';
import { runCompose } from './run-compose.js';

describe('composeSupergraph', () => {
  it('composes the catalog and orders fixtures, keeping each subgraph URL', async () => {
    const result = composeSupergraph(await loadSubgraphSdl(validFixtureRoot, subgraphs));

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.supergraphSdl).toContain('join__graph(name: "catalog", url: "http://127.0.0.1:4001/graphql")');
    expect(result.supergraphSdl).toContain('join__graph(name: "orders", url: "http://127.0.0.1:4002/graphql")');
    expect(result.supergraphSdl).toMatch(/type OrderLine[^}]*product: Product!/);
  });

  it('explains a field type conflict, naming the field and both subgraphs', async () => {
    const result = composeSupergraph(await loadSubgraphSdl(brokenFixtureRoot, subgraphs));

    expect(result).toEqual({
      ok: false,
      errors: [
        'FIELD_TYPE_MISMATCH: Type of field "Product.id" is incompatible across subgraphs: ' +
          'it has type "ID!" in subgraph "catalog" but type "Int!" in subgraph "orders" (at catalog:4, orders:15)',
      ],
    });
  });

  it('names the subgraph whose SDL does not parse', () => {
    const result = composeSupergraph([{ name: 'orders', url: 'http://127.0.0.1:1/graphql', sdl: 'type Order {' }]);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatch(/^\[orders\] Syntax Error/);
  });
});

describe('compose CLI', () => {
  let outDir: string;
  let out: string[];
  let err: string[];
  const io = { stdout: (line: string) => out.push(line), stderr: (line: string) => err.push(line) };

  beforeEach(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'vitrine-compose-'));
    out = [];
    err = [];
  });
  afterEach(() => rm(outDir, { recursive: true, force: true }));

  it('writes the supergraph and exits 0', async () => {
    const target = join(outDir, 'supergraph.graphql');

    const code = await runCompose(['--root', validFixtureRoot, '--out', target], io, subgraphs);

    expect(code).toBe(0);
    expect(await readFile(target, 'utf8')).toContain('@join__graph');
    expect(err).toEqual([]);
  });

  it('prints every composition error and exits 1 without writing', async () => {
    const target = join(outDir, 'supergraph.graphql');

    const code = await runCompose(['--root', brokenFixtureRoot, '--out', target], io, subgraphs);

    expect(code).toBe(1);
    expect(err.join('\n')).toContain('supergraph composition failed with 1 error(s):\n  - FIELD_TYPE_MISMATCH');
    await expect(readFile(target)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('says which service to build when its SDL artifact is missing', async () => {
    const code = await runCompose(['--root', outDir, '--out', join(outDir, 'x.graphql')], io, subgraphs);

    expect(code).toBe(1);
    expect(err[0]).toMatch(/subgraph "catalog": SDL artifact not found at .*services\/catalog\/schema\.graphql/);
  });

  it('rejects unknown arguments with usage', async () => {
    expect(await runCompose(['--nope'], io)).toBe(2);
    expect(err.join('\n')).toContain('usage: compose');
  });
});
