import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddressOf } from './client-address.js';

const request = (peer: string, forwarded?: string) =>
  ({ socket: { remoteAddress: peer }, headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded } }) as IncomingMessage;

describe('clientAddressOf', () => {
  it('trusts no header by default: the client is the socket peer', () => {
    expect(clientAddressOf(request('198.51.100.4', '6.6.6.6'), 0)).toBe('198.51.100.4');
  });

  it('takes the entry appended by the trusted proxies, ignoring what the client prepended', () => {
    // client forged 6.6.6.6 -> load balancer saw 203.0.113.7 -> gateway's peer is the load balancer.
    expect(clientAddressOf(request('10.0.0.2', '6.6.6.6, 203.0.113.7'), 1)).toBe('203.0.113.7');
    // CDN -> load balancer -> gateway.
    expect(clientAddressOf(request('10.0.0.2', '6.6.6.6, 203.0.113.7, 10.0.0.1'), 2)).toBe('203.0.113.7');
  });

  it('falls back to the furthest entry when fewer proxies wrote the header than are trusted', () => {
    expect(clientAddressOf(request('10.0.0.2', '203.0.113.7'), 3)).toBe('203.0.113.7');
    expect(clientAddressOf(request('10.0.0.2'), 1)).toBe('10.0.0.2');
  });

  it('never forwards something that is not an IP address', () => {
    expect(clientAddressOf(request('10.0.0.2', 'evil\n{"level":60}'), 1)).toBe('10.0.0.2');
    expect(clientAddressOf(request('10.0.0.2', '2001:db8::1'), 1)).toBe('2001:db8::1');
  });
});
