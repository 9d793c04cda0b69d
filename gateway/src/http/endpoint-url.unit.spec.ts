import { describe, expect, it } from 'vitest';
import { endpointUrl } from './endpoint-url.js';

describe('endpointUrl', () => {
  it('shows a wildcard bind as localhost, brackets IPv6 and keeps other hosts', () => {
    expect(endpointUrl('0.0.0.0', 4000)).toBe('http://localhost:4000/graphql');
    expect(endpointUrl('::', 4000)).toBe('http://localhost:4000/graphql');
    expect(endpointUrl('::1', 4000)).toBe('http://[::1]:4000/graphql');
    expect(endpointUrl('127.0.0.1', 4001)).toBe('http://127.0.0.1:4001/graphql');
    expect(endpointUrl('gateway.internal', 80)).toBe('http://gateway.internal:80/graphql');
  });
});
