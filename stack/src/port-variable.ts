/** The variable that sets a subgraph's port in `npm start`: `catalog` -> `CATALOG_PORT`, `after-sales` -> `AFTER_SALES_PORT`. */
export function subgraphPortVariable(subgraph: string): string {
  return `${subgraph.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_PORT`;
}
