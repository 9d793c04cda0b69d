export { startGateway, type RunningGateway, type StartGatewayOptions } from './server.js';
export { loadConfig, subgraphUrlVariable, ConfigError, type GatewayConfig } from './config.js';
export { subgraphs, type SubgraphDefinition, type SubgraphName } from './subgraphs.js';
export { composeSupergraph, type SupergraphComposition } from './composition/compose-supergraph.js';
export { loadSubgraphSdl } from './composition/load-subgraph-sdl.js';
export { defaultSupergraphPath } from './paths.js';
export { operationCost } from './apollo/query-cost.js';
