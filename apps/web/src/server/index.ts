export { loadWebConfig, type WebConfig } from './config.js';
export { startWebServer, type RunningWebServer } from './web-server.js';
