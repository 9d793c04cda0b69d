import { testOperationsCodegen } from '@vitrine/testing/codegen';

// Typed documents for this service's int specs, from its own committed SDL.
export default testOperationsCodegen({ schema: 'schema.graphql', documents: ['src/**/*.int.spec.ts', 'src/integration/**/*.ts'] });
