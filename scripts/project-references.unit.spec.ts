import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { buildableProjects, driftedConfigs } from './project-references.mjs';

const root = join(import.meta.dirname, '..');
const readJson = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8'));

describe('the root tsconfig.json (a solution for tsc -b and editors)', () => {
  it('agrees with the workspaces: every buildable one referenced, each referencing what its package.json depends on', () => {
    expect(driftedConfigs(), 'run `npm run tsconfig:references`').toEqual([]);
  });

  it('references every service, package and app that emits, and builds nothing itself', () => {
    const rootConfig = readJson('tsconfig.json');
    expect(rootConfig.files).toEqual([]);
    const referenced = rootConfig.references.map((r: { path: string }) => r.path);
    for (const dir of ['./services/orders', './packages/platform', './gateway', './stack']) expect(referenced).toContain(dir);
    expect(referenced).toHaveLength((buildableProjects() as unknown[]).length);
  });

  it('orders a project after its dependencies (orders reads the store policies, so it references packages/policy)', () => {
    const orders = readJson('services/orders/tsconfig.json');
    expect(orders.compilerOptions.composite).toBe(true);
    expect(orders.references).toContainEqual({ path: '../../packages/policy' });
  });
});
