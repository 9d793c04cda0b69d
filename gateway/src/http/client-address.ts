import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/**
 * The address the gateway vouches for as the end client's, sent to subgraphs
 * as the only x-forwarded-for entry (they read the first one).
 *
 * x-forwarded-for is client-writable: each proxy appends the peer it saw, so
 * only the last `trustedHops` entries were written by proxies we run. With 0
 * hops (the default: the gateway faces clients directly) the header is
 * ignored and the socket peer is the client. With N hops (N load balancers in
 * front) the client is the entry N places from the right of
 * `<x-forwarded-for>, <socket peer>`.
 */
export function clientAddressOf(req: IncomingMessage, trustedHops: number): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  if (trustedHops === 0) return peer;
  const header = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer];
  const candidate = chain[Math.max(0, chain.length - 1 - trustedHops)]!;
  // A proxy that misbehaves (or too few proxies) must not let garbage into subgraph logs.
  return isIP(candidate) ? candidate : peer;
}
