import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddressOf } from './client-address.js';

const request = (peer: string, forwarded?: string | string[]) =>
  ({ socket: { remoteAddress: peer }, headers: { 'x-forwarded-for': forwarded } }) as unknown as IncomingMessage;

describe("a subgraph's client address", () => {
  it('believes the first x-forwarded-for entry from a trusted proxy', () => {
    expect(clientAddressOf(request('127.0.0.1', '203.0.113.7, 10.0.0.1'))).toBe('203.0.113.7');
    expect(clientAddressOf(request('::1', '2001:db8::1'))).toBe('2001:db8::1');
  });

  it('ignores x-forwarded-for from anyone else', () => {
    expect(clientAddressOf(request('198.51.100.2', '203.0.113.7'))).toBe('198.51.100.2');
  });

  it('falls back to the peer when the entry is not an IP address (issue #17: one tested path for headers)', () => {
    for (const bad of ['x'.repeat(10_000), 'evil.example', '', ' , 1.2.3.4', '1.2.3.4\u0000', '999.1.1.1']) {
      expect(clientAddressOf(request('127.0.0.1', bad))).toBe('127.0.0.1');
    }
  });
});
