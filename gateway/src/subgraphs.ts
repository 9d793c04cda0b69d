/**
 * The subgraphs that make up the supergraph: the one list of services.
 * Everything else derives from it (build order through gateway's
 * devDependencies, `npm start`, the e2e stack, the bench, docker compose,
 * checked by gateway/src/service-list.unit.spec.ts). `npm run new:subgraph --
 * <name>` adds a line here along with the service.
 */
export interface SubgraphDefinition<TName extends string = string> {
  /** Subgraph name in the supergraph, its folder under services/ and its package `@vitrine/<name>`; also names `SUBGRAPH_<NAME>_URL`. */
  readonly name: TName;
  /** SDL artifact written by the service's own build, relative to the repo root. */
  readonly sdlPath: string;
  /** Where the subgraph listens in the default local stack. */
  readonly url: string;
  /** Its workspace package, whose index exports `service` (its ServiceDefinition). */
  readonly packageName: string;
}

function subgraph<TName extends string>(name: TName, localPort: number): SubgraphDefinition<TName> {
  return { name, sdlPath: `services/${name}/schema.graphql`, url: `http://127.0.0.1:${localPort}/graphql`, packageName: `@vitrine/${name}` };
}

// accounts first: it serves the keys every other service verifies tokens with.
export const subgraphs = [
  subgraph('accounts', 4003),
  subgraph('catalog', 4001),
  subgraph('orders', 4002),
  subgraph('payments', 4004),
  subgraph('logistics', 4005),
  subgraph('notifications', 4006),
  subgraph('aftersales', 4007),
] as const;

export type SubgraphName = (typeof subgraphs)[number]['name'];

/** `catalog` -> `SUBGRAPH_CATALOG_URL`, `after-sales` -> `SUBGRAPH_AFTER_SALES_URL`. */
export function subgraphUrlVariable(subgraph: string): string {
  return `SUBGRAPH_${subgraph.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_URL`;
}
