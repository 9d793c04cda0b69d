import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraphSender } from './subgraph-sender.js';

// The gateway's connections to subgraphs against a real HTTP server with a subgraph's keep-alive (65 s): answers read
// whole with their status and headers, connections reused while busy and closed by the gateway once idle for a few
// seconds (never left for the subgraph to close under a request), an unreachable subgraph a rejection.

let server: http.Server;
let base: string;
const connections: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const port = (req.socket.remotePort ?? 0).toString();
      if (req.url === '/refuse') {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ message: 'No.', extensions: { code: 'BAD_USER_INPUT' } }] }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/graphql-response+json; charset=utf-8', 'cache-control': 'max-age=30', 'x-client-port': port });
      res.end(JSON.stringify({ data: { echo: body, method: req.method, authorization: req.headers.authorization ?? null } }));
    });
  });
  server.keepAliveTimeout = 65_000;
  server.on('connection', (socket) => connections.push(String(socket.remotePort)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("the gateway's subgraph sender", () => {
  const send = subgraphSender();
  const post = (path: string, body: string) =>
    send(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer abc' }, body });

  it('sends the method, headers and body, and answers with status, headers and the whole body', async () => {
    const { response, body } = await post('/graphql', '{"query":"{ x }"}');
    expect(response.statusCode).toBe(200);
    expect(response.complete).toBe(true);
    expect(response.headers['content-type']).toBe('application/graphql-response+json; charset=utf-8');
    expect(response.headers['cache-control']).toBe('max-age=30');
    expect(body.toString('utf8')).toBe(JSON.stringify({ data: { echo: '{"query":"{ x }"}', method: 'POST', authorization: 'Bearer abc' } }));
  });

  it('passes a refusal on with its status and body', async () => {
    const { response, body } = await post('/refuse', '{}');
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(body.toString('utf8'))).toEqual({ errors: [{ message: 'No.', extensions: { code: 'BAD_USER_INPUT' } }] });
  });

  it('reuses a connection for requests in a row, and closes it itself after a few idle seconds', async () => {
    const ports = async () => (await post('/graphql', '{}')).response.headers['x-client-port'];
    const first = await ports();
    expect(await ports()).toBe(first);
    expect(await ports()).toBe(first);
    const opened = connections.length;
    await new Promise((resolve) => setTimeout(resolve, 4_500));
    // The server still keeps it (65 s): a new connection means the gateway closed the idle one first.
    const later = await ports();
    expect(later).not.toBe(first);
    expect(connections.length).toBe(opened + 1);
  });

  it('rejects when nothing answers (the data source turns that into SERVICE_UNAVAILABLE)', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    await expect(send(`http://127.0.0.1:${port}/graphql`, { method: 'POST', body: '{}' })).rejects.toThrow(/ECONNREFUSED/);
  });

  it('speaks TLS to an https: subgraph, and refuses a certificate Node does not trust', async () => {
    const fixtures = new URL('../../test-fixtures/untrusted-tls/', import.meta.url);
    const tlsServer = https.createServer({ key: readFileSync(new URL('key.pem', fixtures)), cert: readFileSync(new URL('cert.pem', fixtures)) }, (_req, res) =>
      res.end('{}'),
    );
    await new Promise<void>((resolve) => tlsServer.listen(0, '127.0.0.1', resolve));
    const { port } = tlsServer.address() as AddressInfo;
    try {
      // Plain HTTP to this server would fail otherwise (a hang-up, a parse error): this is the TLS handshake's verdict.
      await expect(send(`https://127.0.0.1:${port}/graphql`, { method: 'POST', body: '{}' })).rejects.toThrow(/self[- ]signed certificate/);
    } finally {
      tlsServer.closeAllConnections();
      await new Promise((resolve) => tlsServer.close(resolve));
    }
  });
});
