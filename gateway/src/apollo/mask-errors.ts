import { stripSuggestions, tooManyVariableErrors } from '@vitrine/platform/errors';
import type { GraphQLFormattedError } from 'graphql';

/**
 * Extensions a client may see: the error's code and the facts our subgraphs
 * attach to their coded errors (`problems`, `rule`, `retryAfterSeconds`, ...).
 * Everything the gateway or Apollo adds about *how* a subgraph was reached
 * (`response` with its URL, status and body, `serviceName`, stack traces) is
 * transport detail and is dropped, in every mode.
 */
const transportExtensions = new Set(['response', 'serviceName', 'stacktrace', 'exception', 'query', 'variables', 'http']);

/**
 * Codes whose messages were written for clients: the platform's domain codes
 * (subgraphs format them) and the request errors of graphql-js, Apollo Server
 * and the gateway itself. Any other code, or none, means an unexpected failure
 * somewhere between the gateway and a subgraph: its message (a fetch error
 * naming an internal URL, a subgraph's status line) is replaced.
 */
export const clientFacingCodes: ReadonlySet<string> = new Set([
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'CONFLICT',
  'POLICY_VIOLATION',
  'SERVICE_UNAVAILABLE',
  'PAYLOAD_TOO_LARGE',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_REQUIRED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Apollo Server's refusal of an automatic persisted query whose hash is not its text's, sent without a code. */
const persistedQueryHashMismatch = 'provided sha does not match query';

export const unexpectedErrorMessage = 'Something went wrong on our side. Please try again; if it keeps happening, quote the reference in this error.';

/** Keeps a client-facing error's code, message and facts; anything else becomes INTERNAL_SERVER_ERROR without details. */
export function withoutTransportDetails(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const extensions = Object.fromEntries(Object.entries(formatted.extensions ?? {}).filter(([key]) => !transportExtensions.has(key)));
  // graphql-js gives up coercing variables after 50 bad values with a plain error: still the client's input.
  if (tooManyVariableErrors.test(formatted.message)) return { ...formatted, extensions: { ...extensions, code: 'BAD_USER_INPUT' } };
  if (formatted.message === persistedQueryHashMismatch) {
    return { message: "The persisted query's sha256Hash is not the SHA-256 of the query sent with it.", extensions: { code: 'BAD_REQUEST' } };
  }
  const code = extensions['code'];
  if (typeof code === 'string' && clientFacingCodes.has(code)) return { ...formatted, extensions };
  // A subgraph's own INTERNAL_SERVER_ERROR already carries a safe message and its request id; keep the id only.
  const requestId = typeof extensions['requestId'] === 'string' ? extensions['requestId'] : undefined;
  return {
    message: unexpectedErrorMessage,
    ...(formatted.locations && { locations: formatted.locations }),
    ...(formatted.path && { path: formatted.path }),
    extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId && { requestId }) },
  };
}

/**
 * "Did you mean ...?" hands out the schema one guess at a time even with
 * introspection off: production strips it from every error, not just
 * validation ones (variable coercion suggests enum values too).
 */
export function withoutSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const message = stripSuggestions(formatted.message);
  return message === formatted.message ? formatted : { ...formatted, message };
}

export function maskErrors(options: { readonly hideSuggestions: boolean }) {
  return (formatted: GraphQLFormattedError): GraphQLFormattedError => {
    const masked = withoutTransportDetails(formatted);
    return options.hideSuggestions ? withoutSuggestions(masked) : masked;
  };
}
