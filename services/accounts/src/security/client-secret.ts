import { createHash, randomBytes } from 'node:crypto';

/** A partner's client secret: 32 random bytes, base64url, with a prefix that secret scanners can recognise. Only its hash is stored. */
export function newClientSecret(): { secret: string; hash: string } {
  const secret = `vcs_${randomBytes(32).toString('base64url')}`;
  return { secret, hash: hashClientSecret(secret) };
}

/** SHA-256 is enough (unlike passwords): 256 bits of entropy leave nothing to brute-force. */
export function hashClientSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
