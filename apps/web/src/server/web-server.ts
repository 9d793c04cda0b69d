import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequestListener } from '@react-router/node';
import type { ServerBuild } from 'react-router';
import type { WebConfig } from './config.js';

const contentTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

export interface RunningWebServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * The storefront's server: the built client assets (fingerprinted under /assets/, cached for a year) and every
 * other request rendered by React Router from the server build in `distDir` (`react-router build`), with the
 * gateway's URL in each loader's context.
 */
export async function startWebServer(config: WebConfig, distDir: string): Promise<RunningWebServer> {
  const build = (await import(pathToFileURL(join(distDir, 'server', 'index.js')).href)) as ServerBuild;
  const clientDir = join(distDir, 'client');
  const render = createRequestListener({
    build,
    mode: process.env.NODE_ENV === 'production' ? 'production' : 'development',
    getLoadContext: () => ({ gatewayUrl: config.gatewayUrl, secureCookies: config.secureCookies, oidcProviders: config.oidcProviders }),
  });
  const server = createServer((req, res) => {
    void serveStatic(clientDir, req, res).then((served) => {
      if (!served) void render(req, res);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${config.host}:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A file of the client build, if the request names one (never outside the folder). */
async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://local').pathname);
  if (path === '/' || !extname(path)) return false;
  const file = normalize(join(root, path));
  if (!file.startsWith(root + sep)) return false;
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return false;
  res.writeHead(200, {
    'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
    'content-length': info.size,
    'cache-control': path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
  return true;
}
