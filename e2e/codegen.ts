import { testOperationsCodegen } from '@vitrine/testing/codegen';

// Typed documents for the e2e specs, from the supergraph the gateway serves (composed by its build).
export default testOperationsCodegen({ schema: '../gateway/supergraph.graphql', documents: ['src/**/*.ts'] });
