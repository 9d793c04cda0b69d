// Boundaries `npm run lint` checks (dependency-cruiser). Every rule is a
// pattern over paths, so a new service or package is covered the day it
// appears. `scripts/boundaries/boundaries.int.spec.ts` proves each rule bites.
// Run it alone: `npx depcruise services packages gateway stack e2e bench apps fault scripts`.
//
// Workspace packages resolve through their `vitrine-source` export condition
// to their TypeScript sources, so `@vitrine/catalog` is seen as
// `services/catalog/src/index.ts` and `@vitrine/platform` as
// `packages/platform/src/index.ts`.

/** Libraries that do I/O or belong to the GraphQL/ORM layers: never in a service's domain/ (nor reachable from it). */
const ioLibraries =
  'node_modules/(@mikro-orm/|type-graphql/|graphql/|graphql-scalars/|@apollo/|@graphql-tools/|pg/|@platformatic/kafka/|dataloader/|pino/|jose/)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-unresolvable-import',
      comment: 'An import that does not resolve would slip past every rule below (and fails at run time).',
      severity: 'error',
      from: {},
      // A types-only package (no runtime entry, only typings) cannot resolve as a module, yet is a real dependency of typed operations;
      // React Router's route types (`./+types/<route>`) live in apps' generated .react-router/ folder, reached through tsconfig rootDirs.
      to: { couldNotResolve: true, pathNot: ['^@graphql-typed-document-node/core$', '^\\./\\+types/'] },
    },
    {
      name: 'no-cross-service-import',
      comment: 'A service never imports another service (only ids and events cross, through @vitrine/contracts).',
      severity: 'error',
      from: { path: '^services/([^/]+)/' },
      to: { path: '^services/([^/]+)/', pathNot: '^services/$1/' },
    },
    {
      name: 'domain-stays-in-domain',
      comment: "A service's domain/ is pure: it imports nothing else of its service (store/, use-cases/, schema/, events/, identity ...).",
      severity: 'error',
      from: { path: '^services/([^/]+)/src/domain/' },
      to: { path: '^services/$1/src/', pathNot: '^services/$1/src/domain/' },
    },
    {
      name: 'domain-uses-only-pure-packages',
      comment:
        "A service's domain/ may use @vitrine/contracts, @vitrine/policy and @vitrine/platform/domain (error classes and pure rules), no other workspace package (the platform root brings MikroORM and type-graphql).",
      severity: 'error',
      from: { path: '^services/[^/]+/src/domain/' },
      to: { path: '^(packages|gateway|stack|e2e|bench|fault)/', pathNot: ['^packages/(contracts|policy)/src/', '^packages/platform/src/domain/'] },
    },
    {
      name: 'domain-reaches-no-io',
      comment: "Nothing a service's domain/ imports, directly or through a package, reaches the ORM, GraphQL, the database driver, the bus or the logger.",
      severity: 'error',
      from: { path: '^services/[^/]+/src/domain/' },
      to: { path: ioLibraries, reachable: true },
    },
    {
      name: 'schema-goes-through-use-cases',
      comment: "A service's schema/ (types and resolvers) reads and writes through use-cases/, never store/ directly; type-only imports of entities are fine.",
      severity: 'error',
      from: { path: '^services/([^/]+)/src/schema/' },
      to: { path: '^services/$1/src/store/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'packages-import-no-service-or-app',
      comment: 'Packages are shared by services and apps; they never import a service, the gateway, the stack, the e2e tests or the bench.',
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: '^(services|gateway|stack|e2e|bench|apps|fault)/' },
    },
    {
      name: 'services-import-no-app',
      comment: 'A service never imports the gateway, the stack, the e2e tests, the bench or an app (they import services, not the other way round).',
      severity: 'error',
      from: { path: '^services/' },
      to: { path: '^(gateway|stack|e2e|bench|apps|fault)/' },
    },
    {
      name: 'contracts-and-policy-are-pure',
      comment: '@vitrine/contracts and @vitrine/policy are shared data and pure rules: no platform, no test harness, no ORM, GraphQL or I/O library.',
      severity: 'error',
      from: { path: '^packages/(contracts|policy)/' },
      to: { path: [`^packages/(platform|testing|local-infra)/`, ioLibraries] },
    },
  ],
  options: {
    // Type-only imports are dependencies too (and rules can tell them apart).
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['(^|/)dist/', '(^|/)\\.turbo/', '(^|/)\\.react-router/', '^scripts/new-subgraph/template/'] },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['vitrine-source', 'import', 'types', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
