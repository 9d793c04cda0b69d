// A light entry point for the gateway: HTTP helpers using only node built-ins.
export * from '../server/http-body.js';
export * from '../context/request-id.js';
