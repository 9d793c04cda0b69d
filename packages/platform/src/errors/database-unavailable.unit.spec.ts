import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './database-unavailable.js';

const withCode = (message: string, fields: Record<string, string>) => Object.assign(new Error(message), fields);

describe('isDatabaseUnavailable', () => {
  it('is a Unix socket that is not there (the server is down) when connecting', () => {
    expect(isDatabaseUnavailable(withCode('connect ENOENT /tmp/s/.s.PGSQL.5432', { code: 'ENOENT', syscall: 'connect' }))).toBe(true);
  });

  it('is not a file missing anywhere else: that is a bug to report', () => {
    expect(isDatabaseUnavailable(withCode("ENOENT: no such file or directory, open 'x.json'", { code: 'ENOENT', syscall: 'open' }))).toBe(false);
  });

  it('follows causes: a wrapped refusal is an outage, a wrapped type error is not', () => {
    expect(isDatabaseUnavailable(new Error('could not pay', { cause: withCode('connect ECONNREFUSED', { code: 'ECONNREFUSED' }) }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('could not pay', { cause: new TypeError('x is undefined') }))).toBe(false);
  });
});
