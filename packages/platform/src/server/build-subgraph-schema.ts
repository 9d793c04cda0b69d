import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import { gql } from 'graphql-tag';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';
import { scopeAuthChecker } from '../auth/auth-checker.js';
import { assertDeclaredScopes } from '../auth/declared-scopes.js';
import type { ServiceIdentity } from '../service/service-identity.js';
import { DateTimeScalar } from '../graphql/date-time.scalar.js';
import { validateInputObjects } from '../graphql/text-limits.js';
import { guardEntities } from './guard-entities.js';
import { readPlainFieldsDirectly } from './plain-fields.js';

const federationLink = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag"])`;

export interface SubgraphSchemaOptions {
  /** Its name and the scopes its `@Authorized`/`@Staff` may require. */
  identity: Pick<ServiceIdentity, 'name' | 'scopes'>;
  /** Resolver classes; none while a new service has no types yet. */
  resolvers: BuildSchemaOptions['resolvers'] | [];
  orphanedTypes?: BuildSchemaOptions['orphanedTypes'];
  /** `{ Product: { __resolveReference } }`: each must batch through a per-request DataLoader. */
  referenceResolvers?: GraphQLResolverMap<unknown>;
}

/**
 * type-graphql builds the types and resolvers; @apollo/subgraph turns its
 * printed SDL (with `@key` directives) into a federation subgraph.
 */
export async function buildFederatedSchema(options: SubgraphSchemaOptions): Promise<GraphQLSchema> {
  // A new service has no types yet: it joins the supergraph empty (type-graphql refuses an empty resolver list).
  const [first, ...rest] = options.resolvers;
  if (!first) return buildSubgraphSchema([{ typeDefs: gql(federationLink) }]);
  readPlainFieldsDirectly();
  const schema = await buildSchema({
    resolvers: [first, ...rest] as BuildSchemaOptions['resolvers'],
    orphanedTypes: options.orphanedTypes,
    authChecker: scopeAuthChecker,
    // Every Date field and argument: out-of-range or unreal dates are refused while coercing (BAD_USER_INPUT).
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    // class-validator runs on every input object of every argument, nested ones included (text limits:
    // @MaxLength; business rules live in domain/). TextArg brings its own check for scalar arguments.
    validateFn: (value, _type, { args }) =>
      validateInputObjects(
        value,
        Object.keys(args).find((name) => args[name] === value),
      ),
    skipCheck: true,
  });
  assertDeclaredScopes(options.identity.name, schema, options.resolvers, options.identity.scopes);
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, typeResolvers] of Object.entries(options.referenceResolvers ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...(typeResolvers as object) } as never;
  }
  const subgraph = buildSubgraphSchema([
    {
      typeDefs: gql`
        ${federationLink}
        ${printSchemaWithDirectives(schema)}
      `,
      resolvers,
    },
  ]);
  return guardEntities(subgraph);
}
