import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/**
 * The end client's address. The gateway sets x-forwarded-for to the address it
 * saw; a subgraph believes that header only from peers it is told to trust,
 * otherwise anyone reaching it directly could dodge per-address throttling.
 */
export function clientAddressOf(req: IncomingMessage, trustedProxies: ReadonlySet<string> | '*' = loopback): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  if (trustedProxies !== '*' && !trustedProxies.has(peer)) return peer;
  const forwarded = req.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',', 1)[0]?.trim();
  // Only an IP address is believed: anything else (a name, a 10 kB string) would become a throttling key or an audit value.
  return first && isIP(first) ? first : peer;
}

const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function parseTrustedProxies(value: string): ReadonlySet<string> | '*' {
  return value.trim() === '*'
    ? '*'
    : new Set(
        value
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean),
      );
}
