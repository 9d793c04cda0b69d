import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';

export interface GraphQLResponse<TData = any> {
  status: number;
  headers: Headers;
  /** Absent when the request failed as a whole, null when a non-null root field failed. */
  data?: TData | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

type RequestHeaders = Record<string, string>;
export type { TypedDocumentNode };

/**
 * A tiny GraphQL-over-HTTP client for tests: what a storefront would send, nothing more.
 * Pass a typed document (`graphql(...)` from a package's generated `src/__generated__`) and the
 * variables (`{}` when it declares none) and result are typed from the SDL; a plain string is for
 * what no typed document can express (a deliberately broken query, an operation built at run time).
 */
export function gql<TData, TVariables>(
  url: string,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  headers?: RequestHeaders,
): Promise<GraphQLResponse<TData>>;
export function gql<TData = any>(url: string, query: string, variables?: Record<string, unknown>, headers?: RequestHeaders): Promise<GraphQLResponse<TData>>;
export async function gql(
  url: string,
  document: string | DocumentNode,
  variables: Record<string, unknown> = {},
  headers: RequestHeaders = {},
): Promise<GraphQLResponse> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...headers },
    body: JSON.stringify({ query: queryText(document), variables }),
  });
  const text = await res.text();
  let body: { data?: unknown; errors?: GraphQLResponse['errors'] };
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`non-JSON response (${res.status}): ${text.slice(0, 200)}`);
  }
  return { status: res.status, headers: res.headers, data: body.data, errors: body.errors };
}

function queryText(document: string | DocumentNode): string {
  if (typeof document === 'string') return document;
  // The generated `graphql()` answers {} for a text it has not seen: the codegen has not run since it was written.
  if (!document?.definitions) throw new Error('Not a generated GraphQL document: run `npx turbo run codegen` after changing an operation');
  return print(document);
}
