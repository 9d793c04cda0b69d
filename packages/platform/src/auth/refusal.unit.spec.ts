import { describe, expect, it } from 'vitest';
import { presentedToken, refusalMessage } from './refusal.js';

describe('presentedToken', () => {
  it('treats a missing or empty header as an anonymous caller', () => {
    expect(presentedToken(undefined)).toEqual({ kind: 'anonymous' });
    expect(presentedToken('')).toEqual({ kind: 'anonymous' });
  });

  it('reads a bearer token', () => {
    expect(presentedToken('Bearer abc.def-ghi')).toEqual({ kind: 'bearer', token: 'abc.def-ghi' });
  });

  it('refuses anything else rather than downgrading it to anonymous', () => {
    expect(presentedToken('Basic dXNlcjpwYXNz')).toEqual({ kind: 'malformed' });
    expect(presentedToken('Bearer')).toEqual({ kind: 'malformed' });
  });
});

describe('refusalMessage', () => {
  it('asks to sign in again for a dead token and to retry when keys are unreachable', () => {
    expect(refusalMessage('EXPIRED')).toBe('Your session has expired. Please sign in again.');
    expect(refusalMessage('INVALID')).toBe('Your sign-in could not be verified. Please sign in again.');
    expect(refusalMessage('UNAVAILABLE')).toBe('We cannot check your sign-in right now. Please try again in a moment.');
  });
});
