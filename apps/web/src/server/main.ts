// `npm start -w @vitrine/web` (and the stack's runner): the storefront on GATEWAY_URL.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stopWithParent, stopWithParentVariable } from '@vitrine/platform/process';
import { loadWebConfig } from './config.js';
import { startWebServer } from './web-server.js';

const distDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const config = (() => {
  try {
    return loadWebConfig(process.env);
  } catch (err) {
    console.error(`[web] ${(err as Error).message}`);
    process.exit(1);
  }
})();
const server = await startWebServer(config, distDir);
console.log(`[web] storefront on ${server.url} (gateway ${config.gatewayUrl})`);
// Started by `npm start`'s runner: leave with it, even when it is killed outright.
if (process.env[stopWithParentVariable] === '1') stopWithParent(() => void server.stop().then(() => process.exit(0)));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void server.stop().then(() => process.exit(0)));
}
