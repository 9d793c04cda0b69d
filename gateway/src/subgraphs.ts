/**
 * The subgraphs that make up the supergraph. Adding a service means one line
 * here (and a devDependency in gateway/package.json so turbo builds its SDL
 * before composing).
 */
export interface SubgraphDefinition {
  /** Subgraph name in the supergraph; also names the `SUBGRAPH_<NAME>_URL` override. */
  readonly name: string;
  /** SDL artifact written by the service's own build, relative to the repo root. */
  readonly sdlPath: string;
  /** Where the subgraph listens in the default local stack. */
  readonly url: string;
}

export const subgraphs: readonly SubgraphDefinition[] = [
  { name: 'accounts', sdlPath: 'services/accounts/schema.graphql', url: 'http://127.0.0.1:4003/graphql' },
  { name: 'catalog', sdlPath: 'services/catalog/schema.graphql', url: 'http://127.0.0.1:4001/graphql' },
  { name: 'orders', sdlPath: 'services/orders/schema.graphql', url: 'http://127.0.0.1:4002/graphql' },
];
