import 'reflect-metadata';
import { Authorized, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { buildFederatedSchema } from '../server/build-subgraph-schema.js';
import { scopedAuthorization } from './scoped-authorization.js';

const probe = { name: 'probe', scopes: ['probe:write'] as const };
const { Staff } = scopedAuthorization(probe);

@ObjectType('ProbeThing')
class ThingType {
  @Field(() => ID)
  id!: string;

  @Staff('probe:write')
  @Field(() => String)
  note!: string;
}

@Resolver(() => ThingType)
class DeclaredResolver {
  @Staff('probe:write')
  @Query(() => ThingType)
  thing(): ThingType {
    return Object.assign(new ThingType(), { id: '1', note: 'n' });
  }
}

@ObjectType('ProbeSecret')
class SecretType {
  // eslint-disable-next-line no-restricted-syntax -- the probe: a raw @Authorized with a scope nobody declared
  @Authorized('probe:wirte')
  @Field(() => String)
  value!: string;
}

@Resolver()
class TypoResolver {
  @Query(() => SecretType)
  secret(): SecretType {
    return Object.assign(new SecretType(), { value: 's' });
  }
}

describe('declared scopes', () => {
  it('builds a schema whose @Staff/@Authorized scopes are all declared', async () => {
    await expect(buildFederatedSchema({ identity: probe, resolvers: [DeclaredResolver] })).resolves.toBeDefined();
  });

  it('refuses a scope the service does not declare, naming it and where it is', async () => {
    await expect(buildFederatedSchema({ identity: probe, resolvers: [TypoResolver] })).rejects.toThrow(
      'probe requires scopes it does not declare: "probe:wirte" on SecretType.value. Declared: probe:write.',
    );
  });

  it("checks only this schema's classes: another service's decorators in the same process do not count", async () => {
    await expect(buildFederatedSchema({ identity: { name: 'other', scopes: [] }, resolvers: [TypoResolver] })).rejects.toThrow('"probe:wirte"');
    // DeclaredResolver's scope is not checked against an identity whose schema does not include it.
    await expect(buildFederatedSchema({ identity: { name: 'probe', scopes: ['probe:wirte'] }, resolvers: [TypoResolver] })).resolves.toBeDefined();
  });
});
