export * from './kafka-broker.js';
export * from './free-port.js';
export * from './postgres-server.js';
export * from './minio-server.js';
export * from './managed-process.js';
export type { LogSummary } from './log-tally.js';
export * from './stripe-mock.js';
export * from './go-tool.js';
export * from './mailpit.js';
