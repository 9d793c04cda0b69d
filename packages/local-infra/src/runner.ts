// What `npm start`'s runner needs, and nothing that loads a database client: child servers, PostgreSQL among them.
export * from './free-port.js';
export * from './managed-process.js';
export * from './postgres-child.js';
