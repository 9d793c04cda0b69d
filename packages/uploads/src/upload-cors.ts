/**
 * CORS for a file store's upload route: the web app runs on another origin and its browser PUTs each file straight
 * to the signed URL, so it first asks (preflight) whether that origin may PUT with a content type. Only the listed
 * origins are answered; the signature, expiry, type and size checks stay what protects the upload.
 */

/** apps/web on `npm start` (port 3000), by both names a browser may use for this machine. */
export const localWebOrigins = 'http://127.0.0.1:3000,http://localhost:3000';

/** The only method and the only header a script sets for an upload (the browser sets Content-Length itself). */
const allowedMethod = 'PUT';
const allowedHeaders = 'content-type';
/**
 * How long a browser may reuse a preflight answer. Each upload URL is unique (its key and signature), so the cache
 * rarely helps; 10 minutes outlives an upload URL (5 by default) and stays under Chromium's 2-hour cap.
 */
export const preflightMaxAgeSeconds = 600;

/** `*` or a bare origin as browsers send it (scheme, host, port; no path or trailing slash). */
export function isCorsOrigin(value: string): boolean {
  if (value === '*') return true;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
}

/**
 * A setting's origins, checked once at start: `*` lets any site's scripts use an upload URL they got hold of, so
 * production refuses it (name the web app's origins instead); it stays possible for a local try-out.
 */
export function uploadCorsOrigins(setting: string, origins: readonly string[], production: boolean): readonly string[] {
  if (production && origins.includes('*')) {
    throw new Error(`${setting}=* is refused in production: list the web app's origins (https://shop.example.com)`);
  }
  return origins;
}

/** The value of Access-Control-Allow-Origin for this request's Origin, or null when that origin is not allowed. */
function allowOrigin(allowed: readonly string[], origin: string | undefined): string | null {
  if (allowed.includes('*')) return '*';
  return origin !== undefined && allowed.includes(origin) ? origin : null;
}

/**
 * Headers for an upload (or any other request on the route): the allow-origin when the Origin is allowed, so the
 * browser lets the page read the answer (even a 403). Vary always, as the answer depends on the Origin.
 */
export function corsResponseHeaders(allowed: readonly string[], origin: string | undefined): Record<string, string> {
  const allow = allowOrigin(allowed, origin);
  return allow ? { vary: 'Origin', 'access-control-allow-origin': allow } : { vary: 'Origin' };
}

/**
 * The answer to a preflight: the allow headers, limited to the upload's PUT and content type, for an allowed origin
 * asking for PUT; null otherwise (the route answers without any allow header, and the browser blocks the upload).
 */
export function corsPreflightHeaders(
  allowed: readonly string[],
  origin: string | undefined,
  requestedMethod: string | undefined,
): Record<string, string> | null {
  const allow = allowOrigin(allowed, origin);
  if (!allow || requestedMethod !== allowedMethod) return null;
  return {
    vary: 'Origin',
    'access-control-allow-origin': allow,
    'access-control-allow-methods': allowedMethod,
    'access-control-allow-headers': allowedHeaders,
    'access-control-max-age': String(preflightMaxAgeSeconds),
  };
}
