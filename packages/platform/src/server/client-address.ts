import type { IncomingMessage } from 'node:http';

/**
 * The end client's address. Subgraphs sit behind the gateway, which sets
 * x-forwarded-for; a subgraph reached directly sees the socket peer.
 */
export function clientAddressOf(req: IncomingMessage): string {
  const forwarded = req.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return first || req.socket.remoteAddress || 'unknown';
}
