import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { data, type AppLoadContext } from 'react-router';
import { customerMessage } from './customer-message.js';

/** A refusal or failure from the API, with the message a customer can read and the API's stable code. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    /** Fields of the API's extensions worth showing next to the message (e.g. the rule a policy violation names). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message?: unknown; extensions?: Record<string, unknown> }[];
}

/**
 * Runs one of the storefront's operations at the gateway, as client `web`, by its trusted-document id only:
 * the query text never leaves this server, and a gateway that requires trusted documents for `web` runs exactly
 * the operations in this app's manifest. `token` is the signed-in customer's (from the httpOnly cookie).
 */
export async function callApi<TData, TVariables>(
  context: AppLoadContext,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  token?: string | null,
): Promise<TData> {
  const hash = (document as { __meta__?: { hash?: string } }).__meta__?.hash;
  if (!hash) throw new Error('an operation without a trusted-document hash: run the codegen');
  let response: Response;
  try {
    response = await fetch(context.gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        'x-client-name': 'web',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ documentId: hash, variables }),
      signal: AbortSignal.timeout(15_000),
    });
  } catch {
    throw new ApiError('The store cannot be reached right now. Please try again in a moment.', 'UNREACHABLE');
  }
  let body: GraphQLResponse<TData>;
  try {
    body = (await response.json()) as GraphQLResponse<TData>;
  } catch {
    throw new ApiError('The store answered with something we could not read. Please try again in a moment.', 'BAD_RESPONSE');
  }
  const first = body.errors?.[0];
  if (first) {
    const code = typeof first.extensions?.code === 'string' ? first.extensions.code : 'INTERNAL_SERVER_ERROR';
    const { code: _code, stacktrace: _stack, exception: _exception, ...details } = first.extensions ?? {};
    throw new ApiError(customerMessage(first.message, code), code, details);
  }
  if (!body.data) throw new ApiError('The store answered without data. Please try again in a moment.', 'BAD_RESPONSE');
  return body.data;
}

/**
 * For a loader that cannot show its page without the API's answer: an ApiError becomes the error page with the
 * API's customer-readable message, its code and details (the root ErrorBoundary shows it in the page's language,
 * lib/refusals.ts); anything else is a bug and stays one.
 */
export function pageError(err: unknown): never {
  if (err instanceof ApiError) {
    const status = err.code === 'NOT_FOUND' ? 404 : err.code === 'UNAUTHENTICATED' ? 401 : err.code === 'FORBIDDEN' ? 403 : 502;
    throw data({ message: err.message, code: err.code, details: err.details }, { status });
  }
  throw err;
}
