import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { composeSupergraph, loadSubgraphSdl, subgraphs } from '@vitrine/gateway';
import type { RunningService, ServiceDefinition } from '@vitrine/platform';
import { bootService, createTestDatabase, createTopicPrefix, gql } from '@vitrine/testing';
// @ts-expect-error: a plain .mjs script without types
import { generateSubgraph } from './new-subgraph.mjs';

// The generator writes a service that builds, composes and runs with nothing
// added by hand. It runs on a temp copy of the files it edits, with the
// repo's node_modules linked in, so the repo itself is left alone.
const repo = join(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'vitrine-new-subgraph-'));
const copy = (path: string) => {
  mkdirSync(join(tmp, path, '..'), { recursive: true });
  copyFileSync(join(repo, path), join(tmp, path));
};
let result: { files: string[]; port: number };
let running: RunningService | undefined;

beforeAll(() => {
  for (const path of [
    'gateway/src/subgraphs.ts',
    'gateway/package.json',
    'docker-compose.yml',
    'tsconfig.base.json',
    'package.json',
    'eslint.config.js',
    '.dependency-cruiser.cjs',
  ])
    copy(path);
  symlinkSync(join(repo, 'node_modules'), join(tmp, 'node_modules'));
  result = generateSubgraph('probe', { root: tmp });
  execFileSync(join(repo, 'node_modules/.bin/tsc'), ['-p', join(tmp, 'services/probe/tsconfig.json')], { stdio: 'pipe' });
  execFileSync(process.execPath, [join(tmp, 'services/probe/dist/print-schema.js')], { stdio: 'pipe' });
}, 120_000);
afterAll(async () => {
  await running?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

describe('npm run new:subgraph', () => {
  it('writes the service files every service has', () => {
    expect(result.files.sort()).toEqual(
      [
        'services/probe/README.md',
        'services/probe/package.json',
        'services/probe/tsconfig.json',
        'services/probe/tsconfig.spec.json',
        'services/probe/codegen.ts',
        'services/probe/src/identity.ts',
        'services/probe/src/index.ts',
        'services/probe/src/main.ts',
        'services/probe/src/print-schema.ts',
        'services/probe/src/probe-service.ts',
        'services/probe/src/store/create-migration.ts',
        'services/probe/src/store/entities.ts',
        'services/probe/src/store/migrations/index.ts',
      ].sort(),
    );
    expect(readFileSync(join(tmp, 'services/probe/README.md'), 'utf8')).toMatch(/## Invariants\n/);
  });

  it("registers it in the gateway's list on the next free port, in the gateway's dependencies and in docker compose", () => {
    const lastPort = Math.max(...subgraphs.map((s) => Number(new URL(s.url).port)));
    expect(result.port).toBe(lastPort + 1);
    expect(readFileSync(join(tmp, 'gateway/src/subgraphs.ts'), 'utf8')).toContain(`subgraph('probe', ${lastPort + 1}),\n] as const;`);
    expect(JSON.parse(readFileSync(join(tmp, 'gateway/package.json'), 'utf8')).devDependencies['@vitrine/probe']).toBe('*');
    const compose = parse(readFileSync(join(tmp, 'docker-compose.yml'), 'utf8'), { merge: true });
    expect(compose.services.probe.build.args.SERVICE).toBe('services/probe');
    expect(compose.services.probe.environment).toMatchObject({ EVENT_TRANSPORT: 'kafka' });
    expect(compose.services.gateway.environment.SUBGRAPH_PROBE_URL).toBe('http://probe:4000/graphql');
    expect(compose.services.gateway.depends_on.probe).toEqual({ condition: 'service_healthy' });
  });

  it('passes the lint rules: ESLint and the dependency boundaries', () => {
    execFileSync(join(repo, 'node_modules/.bin/eslint'), ['services/probe'], { cwd: tmp, stdio: 'pipe' });
    execFileSync(join(repo, 'node_modules/.bin/depcruise'), ['-c', '.dependency-cruiser.cjs', 'services/probe/src'], { cwd: tmp, stdio: 'pipe' });
  });

  it('builds, and its SDL composes with every existing subgraph', async () => {
    const existing = await loadSubgraphSdl(repo, subgraphs);
    const probe = { name: 'probe', url: 'http://127.0.0.1:1/graphql', sdl: readFileSync(join(tmp, 'services/probe/schema.graphql'), 'utf8') };
    const composition = composeSupergraph([...existing, probe]);
    expect(composition.errors ?? []).toEqual([]);
  });

  it('starts: migrates the platform tables and serves its subgraph', async () => {
    const { service } = (await import(pathToFileURL(join(tmp, 'services/probe/dist/index.js')).href)) as { service: ServiceDefinition };
    running = await bootService(service, { databaseUrl: await createTestDatabase('probe'), topicPrefix: createTopicPrefix('probe') });
    const res = await gql(running.url, '{ _service { sdl } }');
    expect(res.data._service.sdl).toContain('@link');
    const [{ n }] = await running.orm.em.fork().getConnection().execute<{ n: string }[]>(`select count(*) as n from probe.outbox_message`);
    expect(Number(n)).toBe(0);
  });
});
