import type { TrustedDocuments } from './manifest.js';

export interface TrustedDocumentPolicy {
  readonly documents: TrustedDocuments;
  /** Client names that may only send registered documents; `*` means every client. */
  readonly requiredFor: ReadonlySet<string>;
}

/** The parts of a GraphQL-over-HTTP request that say which document to run. */
export interface DocumentFields {
  readonly query?: unknown;
  readonly documentId?: unknown;
  readonly extensions?: unknown;
}

export type TrustedDocumentDecision =
  /** Leave the request alone (free-form query, or plain APQ handled by Apollo Server). */
  | { readonly action: 'pass' }
  /** Run this registered document instead of whatever text the request carried. */
  | { readonly action: 'substitute'; readonly query: string }
  | {
      readonly action: 'refuse';
      readonly code: 'PERSISTED_QUERY_REQUIRED' | 'PERSISTED_QUERY_NOT_FOUND';
      readonly message: string;
    };

/**
 * Registered documents may be named by any client, either as `documentId`
 * (optionally `sha256:`-prefixed) or APQ-style `extensions.persistedQuery.sha256Hash`.
 * Clients listed in `requiredFor` may run nothing else.
 */
export function decideDocument(policy: TrustedDocumentPolicy, fields: DocumentFields, clientName: string | undefined): TrustedDocumentDecision {
  const required = policy.requiredFor.has('*') || (clientName !== undefined && policy.requiredFor.has(clientName));
  const id = documentIdOf(fields);
  if (id !== undefined) {
    const document = policy.documents.get(id);
    if (document !== undefined) return { action: 'substitute', query: document };
    // An unknown APQ hash from a free-form client is Apollo's ordinary APQ round trip;
    // `documentId` is ours alone, so an unknown one is always an error.
    if (required || fields.documentId !== undefined) {
      return {
        action: 'refuse',
        code: 'PERSISTED_QUERY_NOT_FOUND',
        message: 'This operation is not registered with the gateway.',
      };
    }
    return { action: 'pass' };
  }
  if (required) {
    return {
      action: 'refuse',
      code: 'PERSISTED_QUERY_REQUIRED',
      message: 'This client may only run registered operations: send the operation id, not its text.',
    };
  }
  return { action: 'pass' };
}

function documentIdOf(fields: DocumentFields): string | undefined {
  if (typeof fields.documentId === 'string') return fields.documentId.replace(/^sha256:/i, '').toLowerCase();
  const persistedQuery = (fields.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery;
  const hash = persistedQuery?.sha256Hash;
  return typeof hash === 'string' ? hash.toLowerCase() : undefined;
}
