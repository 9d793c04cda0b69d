import { describe, expect, it, vi } from 'vitest';
import { verifyCredentials } from './credentials.js';

describe('verifyCredentials', () => {
  it('an unknown email still runs one password verification, against the dummy hash', async () => {
    const verify = vi.fn(async () => true); // even a "match" against the dummy hash must not sign anyone in
    expect(await verifyCredentials(null, 'Passw0rd!', verify, '$dummy')).toBe(false);
    expect(verify).toHaveBeenCalledExactlyOnceWith('$dummy', 'Passw0rd!');
  });

  it('a known account is verified against its own hash', async () => {
    const verify = vi.fn(async (hash: string) => hash === '$real');
    expect(await verifyCredentials({ passwordHash: '$real' }, 'Passw0rd!', verify, '$dummy')).toBe(true);
    expect(verify).toHaveBeenCalledExactlyOnceWith('$real', 'Passw0rd!');
  });

  it('an account without a password costs one verification and never matches', async () => {
    const verify = vi.fn(async () => true);
    expect(await verifyCredentials({ passwordHash: null }, 'Passw0rd!', verify, '$dummy')).toBe(false);
    expect(verify).toHaveBeenCalledExactlyOnceWith('$dummy', 'Passw0rd!');
  });
});
