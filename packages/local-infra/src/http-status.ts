import { connect } from 'node:net';

/**
 * The status code a plain-http URL answers a GET with, or undefined when nothing answered within `timeoutMs` (not
 * listening yet, or too slow). The request is written by hand over node:net, for our own servers' readiness pages:
 * loading node:http alone kept ~15 MiB resident in `npm start`'s runner, which polls readiness and has no other use
 * for HTTP (bench/README.md, Memory).
 */
export function httpStatus(url: string, timeoutMs: number): Promise<number | undefined> {
  const { hostname, port, pathname, search, host } = new URL(url);
  return new Promise((resolve) => {
    let head = '';
    const socket = connect({ host: hostname.replace(/^\[|\]$/g, ''), port: Number(port) || 80 });
    const done = (status?: number) => {
      socket.destroy();
      resolve(status);
    };
    socket.setTimeout(timeoutMs, () => done());
    socket.once('error', () => done());
    socket.once('end', () => done());
    socket.once('connect', () => socket.write(`GET ${pathname}${search} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`));
    socket.on('data', (chunk: Buffer) => {
      head += chunk.toString('latin1');
      const lineEnd = head.indexOf('\r\n');
      if (lineEnd < 0 && head.length < 1024) return;
      const status = /^HTTP\/1\.[01] (\d{3}) /.exec(head.slice(0, lineEnd < 0 ? head.length : lineEnd))?.[1];
      done(status === undefined ? undefined : Number(status));
    });
  });
}
