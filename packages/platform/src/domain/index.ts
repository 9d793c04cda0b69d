// A light entry point for a service's domain/ (`@vitrine/platform/domain`): the error classes and
// pure rules its decisions use, and nothing that does I/O. dependency-cruiser keeps it so: a service's
// domain/ may import only this from the platform, and nothing it reaches may be MikroORM, GraphQL or a driver.
export * from '../errors/domain-error.js';
export * from '../rules/staff-reason.js';
export * from '../projections/latest-change.js';
export { isUuid } from '../graphql/ids.js';
export type { Caller } from '../auth/caller.js';
