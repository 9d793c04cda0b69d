import type { IncomingHttpHeaders } from 'node:http';
import { decideDocument, type DocumentFields, type TrustedDocumentPolicy } from './policy.js';

/** A GraphQL request as Apollo Server takes it: JSON body (POST) or query string (GET). */
export interface GraphqlHttpInput {
  readonly method: string;
  readonly body: unknown;
  readonly search: string;
}

export type AppliedTrustedDocuments =
  { readonly ok: true; readonly input: GraphqlHttpInput } | { readonly ok: false; readonly code: string; readonly message: string };

/** Apollo Client's header, or a plain one for clients that are not Apollo's. */
export function clientNameOf(headers: IncomingHttpHeaders): string | undefined {
  const raw = headers['apollographql-client-name'] ?? headers['x-client-name'];
  const name = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  return name || undefined;
}

/**
 * Applies the trusted-document policy to one HTTP request: refuses it, or
 * rewrites it so Apollo Server runs the registered document (the id fields are
 * dropped so Apollo's own APQ cache is not involved).
 */
export function applyTrustedDocuments(policy: TrustedDocumentPolicy, input: GraphqlHttpInput, clientName: string | undefined): AppliedTrustedDocuments {
  const isGet = input.method === 'GET' || input.method === 'HEAD';
  const params = new URLSearchParams(input.search);
  const fields = isGet ? fieldsOfSearch(params) : fieldsOfBody(input.body);
  const decision = decideDocument(policy, fields, clientName);
  if (decision.action === 'refuse') return { ok: false, code: decision.code, message: decision.message };
  if (decision.action === 'pass') return { ok: true, input };

  const extensions = withoutPersistedQuery(fields.extensions);
  if (isGet) {
    params.set('query', decision.query);
    params.delete('documentId');
    if (extensions === undefined) params.delete('extensions');
    else params.set('extensions', JSON.stringify(extensions));
    return { ok: true, input: { ...input, search: `?${params}` } };
  }
  const { documentId: _documentId, extensions: _extensions, ...rest } = input.body as Record<string, unknown>;
  const body = { ...rest, query: decision.query, ...(extensions === undefined ? {} : { extensions }) };
  return { ok: true, input: { ...input, body } };
}

function fieldsOfBody(body: unknown): DocumentFields {
  // A batch (array) or a missing body names no single document.
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as DocumentFields) : {};
}

function fieldsOfSearch(params: URLSearchParams): DocumentFields {
  let extensions: unknown;
  try {
    extensions = JSON.parse(params.get('extensions') ?? 'null') ?? undefined;
  } catch {
    extensions = undefined;
  }
  return {
    query: params.get('query') ?? undefined,
    documentId: params.get('documentId') ?? undefined,
    extensions,
  };
}

function withoutPersistedQuery(extensions: unknown): Record<string, unknown> | undefined {
  if (typeof extensions !== 'object' || extensions === null || Array.isArray(extensions)) return undefined;
  const { persistedQuery: _persistedQuery, ...rest } = extensions as Record<string, unknown>;
  return Object.keys(rest).length > 0 ? rest : undefined;
}
