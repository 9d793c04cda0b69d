import { fileURLToPath } from 'node:url';

// Resolved from this module so they hold from both src/ (tests) and dist/ (built).
export const gatewayRoot = fileURLToPath(new URL('..', import.meta.url));
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const defaultSupergraphPath = fileURLToPath(new URL('../supergraph.graphql', import.meta.url));
