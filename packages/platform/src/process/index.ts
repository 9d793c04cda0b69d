// A light entry point (no type-graphql, no MikroORM) for launchers and the gateway.
export * from './stop-with-parent.js';
export * from './crash-point.js';
