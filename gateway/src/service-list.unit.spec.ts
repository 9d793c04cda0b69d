import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './paths.js';
import { subgraphs } from './subgraphs.js';

// The gateway's list is the one list of services: whatever else names them must agree with it.
const serviceFolders = readdirSync(join(repoRoot, 'services')).filter((name) => existsSync(join(repoRoot, 'services', name, 'package.json')));
const gatewayPackage = JSON.parse(readFileSync(join(repoRoot, 'gateway/package.json'), 'utf8'));

describe("the gateway's subgraph list", () => {
  it('names every service folder, and nothing else', () => {
    expect(subgraphs.map((s) => s.name).sort()).toEqual(serviceFolders.sort());
  });

  it("builds every service before composing (turbo's order follows the gateway's dependencies)", () => {
    for (const { packageName } of subgraphs) expect(gatewayPackage.devDependencies?.[packageName], packageName).toBe('*');
  });

  it("matches each service's package, which exports its definition under the same name", async () => {
    for (const { name, packageName } of subgraphs) {
      const pkg = JSON.parse(readFileSync(join(repoRoot, 'services', name, 'package.json'), 'utf8'));
      expect(pkg.name).toBe(packageName);
      const { service } = await import(packageName);
      expect(service.identity.name, packageName).toBe(name);
    }
  });

  it('gives every subgraph its own local port', () => {
    const ports = subgraphs.map((s) => new URL(s.url).port);
    expect(new Set(ports).size).toBe(ports.length);
  });
});
