import { describe, expect, it } from 'vitest';
import { isSessionRenewalRequest } from './session-renewal.js';

describe('session renewal requests (a stale token must not block them)', () => {
  it.each([
    'mutation { login(email: "a@b.c", password: "x") { accessToken } }',
    'mutation R($t: String!) { refreshSession(refreshToken: $t) { accessToken } }',
    'mutation { register(input: {}) { id } __typename }',
  ])('recognises %s', (query) => {
    expect(isSessionRenewalRequest({ query })).toBe(true);
  });

  it.each([
    'query { me { id } }',
    'mutation { login(email: "a", password: "b") { accessToken } updateProfile(input: {}) { id } }',
    'mutation { ...F } fragment F on Mutation { login(email: "a", password: "b") { accessToken } }',
    'mutation { login(',
    `mutation { login(email: "${'x'.repeat(5000)}", password: "b") { accessToken } }`,
  ])('refuses %s', (query) => {
    expect(isSessionRenewalRequest({ query })).toBe(false);
  });

  it('follows operationName among several operations', () => {
    const query = 'mutation A { login(email: "a", password: "b") { accessToken } } mutation B { deleteMyAccount(password: "x") }';
    expect(isSessionRenewalRequest({ query, operationName: 'A' })).toBe(true);
    expect(isSessionRenewalRequest({ query, operationName: 'B' })).toBe(false);
    expect(isSessionRenewalRequest({ query })).toBe(false);
    expect(isSessionRenewalRequest(undefined)).toBe(false);
  });
});
