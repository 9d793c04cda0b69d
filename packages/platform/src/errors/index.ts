// A light entry point for the gateway: error helpers without type-graphql or MikroORM.
export * from './strip-suggestions.js';
export * from './request-errors.js';
