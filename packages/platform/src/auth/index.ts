// A light entry point for the gateway: token verification without MikroORM, Kafka or type-graphql.
export * from './access-token.js';
export * from './caller.js';
export * from './refusal.js';
export * from './session-renewal.js';
