import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { accessToken } from '@vitrine/platform';

export const signingAlgorithm = accessToken.algorithms[0];

export interface KeyMaterial {
  kid: string;
  algorithm: string;
  publicJwk: JWK;
  privateJwk: JWK;
}

/** A fresh ES256 key pair; its id is the RFC 7638 thumbprint, so the id is bound to the key itself. */
export async function generateSigningKey(): Promise<KeyMaterial> {
  const { publicKey, privateKey } = await generateKeyPair(signingAlgorithm, { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  return {
    kid,
    algorithm: signingAlgorithm,
    publicJwk: { ...publicJwk, kid, alg: signingAlgorithm, use: 'sig' },
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: signingAlgorithm },
  };
}

// Importing a JWK costs a little on every sign-in; keys never change once written, so cache by kid.
const imported = new Map<string, Promise<CryptoKey | Uint8Array>>();

export function privateKeyOf(key: { kid: string; algorithm: string; privateJwk: JWK }): Promise<CryptoKey | Uint8Array> {
  let cached = imported.get(key.kid);
  if (!cached) {
    cached = importJWK(key.privateJwk, key.algorithm);
    imported.set(key.kid, cached);
  }
  return cached;
}

/** The JWKS entry for a key: only the public members, whatever else is stored. */
export function publicJwkOf(key: { kid: string; algorithm: string; publicJwk: JWK }): JWK {
  const { kty, crv, x, y } = key.publicJwk;
  return { kty, crv, x, y, kid: key.kid, alg: key.algorithm, use: 'sig' };
}
