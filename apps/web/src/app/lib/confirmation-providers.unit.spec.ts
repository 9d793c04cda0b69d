import { describe, expect, it } from 'vitest';
import { confirmationProviders } from './confirmation-providers.js';

const offered = [
  { name: 'alpha', label: 'Alpha' },
  { name: 'beta', label: 'Beta' },
  { name: 'gamma', label: 'Gamma' },
];
const bound = (...names: string[]) => names.map((provider) => ({ provider }));
const names = (providers: readonly { name: string }[]) => providers.map((p) => p.name);

describe('the providers an account can confirm it is them with', () => {
  it('every bound provider the server offers, the session’s own first', () => {
    expect(names(confirmationProviders(bound('gamma', 'alpha'), 'gamma', offered))).toEqual(['gamma', 'alpha']);
    expect(names(confirmationProviders(bound('alpha', 'gamma'), undefined, offered))).toEqual(['alpha', 'gamma']);
  });

  it('leaves out a provider the server no longer offers, and one the account is not bound to', () => {
    expect(names(confirmationProviders(bound('retired', 'beta'), 'retired', offered))).toEqual(['beta']);
    expect(names(confirmationProviders(bound(), 'alpha', offered))).toEqual([]);
  });

  it('a provider bound twice is offered once', () => {
    expect(names(confirmationProviders(bound('beta', 'beta'), 'beta', offered))).toEqual(['beta']);
  });
});
