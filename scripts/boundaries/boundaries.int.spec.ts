import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Proves every rule in .dependency-cruiser.cjs bites: probe files with one
// forbidden import each are written into the real tree (a throwaway service
// folder without package.json, so no workspace or list sees it), cruised with
// the repo's own config, then removed. Allowed imports must pass.
const repo = join(import.meta.dirname, '../..');
const tag = `.boundary-probe-${process.pid}`;
const service = `services/${tag}`;
const pkg = `packages/${tag}`;
const contracts = `packages/contracts/${tag}`;

const probes: Record<string, string> = {
  [`${service}/src/store/thing.entity.ts`]: `export class Thing {}\n`,
  [`${service}/src/use-cases/find-thing.ts`]: `export const findThing = () => null;\n`,
  [`${service}/src/schema/thing.type.ts`]: `export class ThingType {}\n`,
  [`${service}/src/events/handlers.ts`]: `export const handlers = [];\n`,
  [`${service}/src/use-cases/cross-service.ts`]: `import { catalog } from '@vitrine/catalog';\nimport { orders } from '../../../orders/src/identity.js';\nexport const both = [catalog, orders];\n`,
  [`${service}/src/domain/other-layers.ts`]: [
    `import { Thing } from '../store/thing.entity.js';`,
    `import { findThing } from '../use-cases/find-thing.js';`,
    `import { ThingType } from '../schema/thing.type.js';`,
    `import { handlers } from '../events/handlers.js';`,
    `export const all = [Thing, findThing, ThingType, handlers];`,
    ``,
  ].join('\n'),
  [`${service}/src/domain/platform-root.ts`]: `import { NotFound } from '@vitrine/platform';\nexport const notFound = NotFound;\n`,
  [`${service}/src/domain/orm.ts`]: `import { wrap } from '@mikro-orm/core';\nimport { Field } from 'type-graphql';\nexport const both = [wrap, Field];\n`,
  [`${service}/src/domain/allowed.ts`]: [
    `import { createHash } from 'node:crypto';`,
    `import { PolicyViolation, type FieldProblem } from '@vitrine/platform/domain';`,
    `import { topics } from '@vitrine/contracts';`,
    `import { parseStorePolicy } from '@vitrine/policy';`,
    `import { sibling } from './sibling.js';`,
    `export const ok: unknown[] = [createHash, PolicyViolation, topics, parseStorePolicy, sibling];`,
    `export type Problem = FieldProblem;`,
    ``,
  ].join('\n'),
  [`${service}/src/domain/sibling.ts`]: `export const sibling = 1;\n`,
  [`${service}/src/schema/value-import.resolver.ts`]: `import { Thing } from '../store/thing.entity.js';\nexport const thing = new Thing();\n`,
  [`${service}/src/schema/type-import.resolver.ts`]: `import type { Thing } from '../store/thing.entity.js';\nimport { findThing } from '../use-cases/find-thing.js';\nexport const thing: Thing | null = findThing();\n`,
  [`${service}/src/app-import.ts`]: `import { subgraphs } from '@vitrine/gateway';\nexport const list = subgraphs;\n`,
  [`${service}/src/unresolvable.ts`]: `import { nothing } from './not-there.js';\nexport const none = nothing;\n`,
  [`${pkg}/src/service-import.ts`]: `import { catalog } from '@vitrine/catalog';\nimport { subgraphs } from '../../../gateway/src/subgraphs.js';\nexport const both = [catalog, subgraphs];\n`,
  [`${contracts}/platform-import.ts`]: `import { NotFound } from '@vitrine/platform';\nimport { wrap } from '@mikro-orm/core';\nexport const both = [NotFound, wrap];\n`,
};

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}
let violations: Violation[] = [];

beforeAll(() => {
  for (const [path, text] of Object.entries(probes)) {
    mkdirSync(join(repo, path, '..'), { recursive: true });
    writeFileSync(join(repo, path), text);
  }
  try {
    const run = spawnSync(join(repo, 'node_modules/.bin/depcruise'), ['-c', '.dependency-cruiser.cjs', '-T', 'json', ...Object.keys(probes)], {
      cwd: repo,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (!run.stdout) throw new Error(`depcruise printed nothing: ${run.stderr}`);
    violations = JSON.parse(run.stdout).summary.violations;
  } finally {
    for (const folder of [service, pkg, contracts]) rmSync(join(repo, folder), { recursive: true, force: true });
  }
}, 120_000);
afterAll(() => {
  for (const folder of [service, pkg, contracts]) rmSync(join(repo, folder), { recursive: true, force: true });
});

const found = (rule: string, from: string) => violations.filter((v) => v.rule.name === rule && v.from === from).map((v) => v.to);

describe('dependency-cruiser boundaries', () => {
  it('a service never imports another service, by package name or by path', () => {
    expect(found('no-cross-service-import', `${service}/src/use-cases/cross-service.ts`).sort()).toEqual([
      'services/catalog/src/index.ts',
      'services/orders/src/identity.ts',
    ]);
  });

  it('domain/ imports nothing else of its service: store/, use-cases/, schema/, events/', () => {
    expect(found('domain-stays-in-domain', `${service}/src/domain/other-layers.ts`).sort()).toEqual(
      ['events/handlers.ts', 'schema/thing.type.ts', 'store/thing.entity.ts', 'use-cases/find-thing.ts'].map((p) => `${service}/src/${p}`),
    );
  });

  it("domain/ uses the platform's light domain entry only, and reaches no ORM or GraphQL library", () => {
    expect(found('domain-uses-only-pure-packages', `${service}/src/domain/platform-root.ts`)).toEqual(['packages/platform/src/index.ts']);
    // Through the platform's root, MikroORM and type-graphql are reachable too.
    expect(found('domain-reaches-no-io', `${service}/src/domain/platform-root.ts`).length).toBeGreaterThan(0);
    const direct = found('domain-reaches-no-io', `${service}/src/domain/orm.ts`);
    expect(direct.some((to) => to.includes('node_modules/@mikro-orm/core/'))).toBe(true);
    expect(direct.some((to) => to.includes('node_modules/type-graphql/'))).toBe(true);
  });

  it('schema/ may import store/ types only, and reads through use-cases/', () => {
    expect(found('schema-goes-through-use-cases', `${service}/src/schema/value-import.resolver.ts`)).toEqual([`${service}/src/store/thing.entity.ts`]);
    expect(violations.filter((v) => v.from === `${service}/src/schema/type-import.resolver.ts`)).toEqual([]);
  });

  it('packages import no service or app; services import no app', () => {
    expect(found('packages-import-no-service-or-app', `${pkg}/src/service-import.ts`).sort()).toEqual([
      'gateway/src/subgraphs.ts',
      'services/catalog/src/index.ts',
    ]);
    expect(found('services-import-no-app', `${service}/src/app-import.ts`)).toEqual(['gateway/src/index.ts']);
  });

  it('contracts (and policy) import no platform and no ORM', () => {
    const to = found('contracts-and-policy-are-pure', `${contracts}/platform-import.ts`);
    expect(to).toContain('packages/platform/src/index.ts');
    expect(to.some((t) => t.includes('node_modules/@mikro-orm/core/'))).toBe(true);
  });

  it('an import that does not resolve is an error, not a blind spot', () => {
    expect(found('no-unresolvable-import', `${service}/src/unresolvable.ts`)).toEqual(['./not-there.js']);
  });

  it("allowed imports pass: node builtins, @vitrine/platform/domain, contracts, policy and the domain's own files", () => {
    expect(violations.filter((v) => v.from === `${service}/src/domain/allowed.ts`)).toEqual([]);
  });
});
