import { subgraphs } from '@vitrine/gateway';
import { buildFederatedSchema, undeclaredTextInputs, type ServiceDefinition } from '@vitrine/platform';
import { describe, expect, it } from 'vitest';

/**
 * Issue #17: every String argument and input field of every subgraph declares
 * a maximum length next to its GraphQL field (`TextArg`, `@MaxLength` from the
 * platform), checked before any resolver runs. A new field without one fails here.
 */
describe('every text input of every subgraph has a maximum length', () => {
  it.each(subgraphs.map((s) => [s.name, s.packageName] as const))('%s', async (_name, packageName) => {
    const { service } = (await import(packageName)) as { service: ServiceDefinition<any> };
    const schema = await buildFederatedSchema(service);
    expect(undeclaredTextInputs(schema)).toEqual([]);
  });
});
