import type { HttpRoute } from '@vitrine/platform';
import { runtimeOf } from '../config/accounts-runtime.js';
import { publishedKeys } from '../domain/published-keys.js';
import { publicJwkOf } from '../security/signing-key-material.js';
import { SigningKey } from '../store/signing-key.entity.js';

/**
 * HTTP caches may keep the key set this long; KEY_RETIREMENT_MARGIN_SECONDS covers it. The platform's
 * verifier ignores it (its own cache: 10 min, refetch for an unknown kid); a shared HTTP cache in front
 * of this route would add it to how old a verifier's JWKS can be (raise KEY_PUBLISH_LEAD_SECONDS then).
 */
export const jwksMaxAgeSeconds = 300;

/** `GET /.well-known/jwks.json`: the public keys access tokens are (or will soon be) signed with: pending, active and recently retired. */
export const jwksRoute: HttpRoute = async (req, res, { orm }) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const { settings } = runtimeOf(orm);
  const keys = await orm.em.fork().find(SigningKey, {}, { fields: ['kid', 'algorithm', 'publicJwk', 'activatesAt', 'retiredAt'] });
  const listed = publishedKeys(keys, new Date(), settings.ACCESS_TOKEN_TTL_SECONDS, settings.KEY_RETIREMENT_MARGIN_SECONDS);
  const body = JSON.stringify({ keys: listed.map(publicJwkOf) });
  res.writeHead(200, {
    'content-type': 'application/jwk-set+json',
    'cache-control': `public, max-age=${jwksMaxAgeSeconds}`,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
};
