import { describe, expect, it } from 'vitest';
import { acceptRequestId, requestIdFrom } from './request-id.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('requestIdFrom', () => {
  it("keeps the caller's id", () => {
    expect(requestIdFrom('req-42.a:b_c')).toBe('req-42.a:b_c');
  });

  it('generates a UUID when there is none', () => {
    expect(requestIdFrom(undefined)).toMatch(uuid);
  });

  it('replaces ids that could forge log lines or bloat every log entry', () => {
    expect(requestIdFrom('abc\n{"level":60}')).toMatch(uuid);
    expect(requestIdFrom('x'.repeat(129))).toMatch(uuid);
    expect(requestIdFrom('')).toMatch(uuid);
  });
});

describe('acceptRequestId', () => {
  it('accepts only plain string tokens', () => {
    expect(acceptRequestId('req-1')).toBe('req-1');
    expect(acceptRequestId(['req-1'])).toBeUndefined();
    expect(acceptRequestId('a b')).toBeUndefined();
  });
});
