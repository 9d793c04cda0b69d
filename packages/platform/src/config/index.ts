// A light entry point for the gateway: environment parsing with zod only.
export * from './load-config.js';
