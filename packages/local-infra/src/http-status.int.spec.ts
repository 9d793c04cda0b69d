import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from './free-port.js';
import { httpStatus } from './http-status.js';

const servers: { close(): unknown }[] = [];
afterEach(() => servers.splice(0).forEach((server) => server.close()));

async function listening<T extends Server | ReturnType<typeof createTcpServer>>(server: T): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('httpStatus', () => {
  it('gives the status a server answers, for the path and query asked', async () => {
    const asked: string[] = [];
    const base = await listening(
      createServer((req, res) => {
        asked.push(req.url ?? '');
        res.writeHead(req.url === '/ready' ? 200 : 503).end('body');
      }),
    );
    expect(await httpStatus(`${base}/ready`, 2_000)).toBe(200);
    expect(await httpStatus(`${base}/health?deep=1`, 2_000)).toBe(503);
    expect(asked).toEqual(['/ready', '/health?deep=1']);
  });

  it('gives nothing when nothing listens, when the server is silent past the timeout, or when it does not speak HTTP', async () => {
    expect(await httpStatus(`http://127.0.0.1:${await freePort()}/ready`, 2_000)).toBeUndefined();
    const silent = await listening(createTcpServer(() => {}));
    expect(await httpStatus(`${silent}/ready`, 200)).toBeUndefined();
    const other = await listening(createTcpServer((socket) => socket.end('220 smtp.example ESMTP\r\n')));
    expect(await httpStatus(`${other}/ready`, 2_000)).toBeUndefined();
  });
});
