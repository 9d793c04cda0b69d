import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { scopesByRole, staffScopes } from '@vitrine/accounts';
import { catalog } from '@vitrine/catalog';
import { scopedAuthorization, type ServiceDefinition } from '@vitrine/platform';
import { subgraphs } from './subgraphs.js';

// Scopes are declared by the service whose resolvers check them (its identity);
// accounts puts scopes in tokens (roles.ts). The two sets must be the same.
async function declaredScopes(): Promise<Map<string, string[]>> {
  const owners = new Map<string, string[]>();
  for (const { name, packageName } of subgraphs) {
    const { service } = (await import(packageName)) as { service: ServiceDefinition };
    for (const scope of service.identity.scopes) owners.set(scope, [...(owners.get(scope) ?? []), name]);
  }
  return owners;
}

const issuable = new Set([...Object.values(scopesByRole).flat(), ...staffScopes]);

describe('scopes', () => {
  it('every scope accounts can put in a token is declared by exactly one service', async () => {
    const owners = await declaredScopes();
    for (const scope of issuable) expect(owners.get(scope) ?? [], scope).toHaveLength(1);
  });

  it('every scope a service declares is issued by accounts (admins hold them all)', async () => {
    const owners = await declaredScopes();
    expect([...owners.keys()].filter((scope) => !issuable.has(scope))).toEqual([]);
    expect([...scopesByRole.admin].sort()).toEqual([...owners.keys()].sort());
  });

  it('a scope the service does not declare is a type error', () => {
    const { Staff } = scopedAuthorization(catalog);
    expect(typeof Staff('catalog:write')).toBe('function');
    // @ts-expect-error: catalog declares catalog:write, not this typo (the gateway's spec type-check fails if this compiles)
    Staff('catalog:wirte');
  });
});
