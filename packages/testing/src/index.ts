export * from './boot-service.js';
export * from './eventually.js';
export * from './graphql-client.js';
export * from './test-infra.js';
export * from './legacy-platform-tables.js';
export * from './token-issuer.js';
