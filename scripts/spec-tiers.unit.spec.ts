import { globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// vitest.config.ts runs specs by tier, from the file name: a spec without one would silently never run.
const root = join(import.meta.dirname, '..');
const specs = globSync(['{packages,services}/*/src/**/*.spec.ts', '{gateway,stack,e2e,bench}/src/**/*.spec.ts', 'scripts/**/*.spec.ts'], {
  cwd: root,
  exclude: (path) => path.includes('node_modules'),
});

describe('test tiers', () => {
  it('every spec names its tier: *.unit.spec.ts, *.int.spec.ts or *.e2e.spec.ts', () => {
    expect(specs.length).toBeGreaterThan(100);
    expect(specs.filter((path) => !/\.(unit|int|e2e)\.spec\.ts$/.test(path))).toEqual([]);
  });

  it('unit specs reach for no PostgreSQL or Kafka: no test harness, no values from the global setup', () => {
    const offenders = specs
      .filter((path) => path.endsWith('.unit.spec.ts'))
      .filter((path) => {
        const source = readFileSync(join(root, path), 'utf8');
        return /from '@vitrine\/testing'|\binject\(/.test(source);
      });
    expect(offenders).toEqual([]);
  });
});
