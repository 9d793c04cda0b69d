import { Kind, parse, type DocumentNode } from 'graphql';

/**
 * Mutations a client calls to get a (new) session: a stale access token it
 * still attaches out of habit must not block them. Anything else with a bad
 * token is refused outright (401), so clients learn to renew.
 */
export const sessionRenewalFields: ReadonlySet<string> = new Set([
  'login',
  'refreshSession',
  'register',
  'signUp',
  'loginWithExternalIdentity',
  'requestPasswordReset',
  'resetPassword',
  'verifyEmail',
  'confirmEmailChange',
]);

/** Parsing a document larger than this to look for renewal fields is not worth it: such a request is refused. */
const maxRenewalDocument = 4_000;

/**
 * True when a GraphQL request body (`{ query, operationName }`) runs only
 * session-renewal mutations, so an expired or unverifiable token attached to
 * it can be ignored (the request then runs anonymously).
 */
export function isSessionRenewalRequest(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const { query, operationName } = body as { query?: unknown; operationName?: unknown };
  if (typeof query !== 'string' || query.length > maxRenewalDocument) return false;
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: 500 });
  } catch {
    return false;
  }
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operation =
    typeof operationName === 'string' ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation || operation.operation !== 'mutation') return false;
  return operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && (s.name.value === '__typename' || sessionRenewalFields.has(s.name.value)));
}
