import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import { isSessionRenewalRequest } from '@vitrine/platform/auth';
import { BodyTooLarge, readBody } from '@vitrine/platform/http';
import type { GatewayContext } from '../apollo/gateway-context.js';
import { applyTrustedDocuments, clientNameOf } from '../trusted-documents/apply-to-request.js';
import type { QueryPassthrough } from '../passthrough/query-passthrough.js';
import type { TrustedDocumentPolicy } from '../trusted-documents/policy.js';
import { sendGraphqlError } from './send.js';

export interface GraphqlHandlerDeps {
  readonly apollo: ApolloServer<GatewayContext>;
  /** Operations are small; anything bigger is a mistake or an attack. */
  readonly maxBodyBytes: number;
  readonly trustedDocuments: TrustedDocumentPolicy;
  /** Absent when QUERY_PASSTHROUGH=off: every request goes through Apollo. */
  readonly passthrough: QueryPassthrough | undefined;
}

/**
 * Hands one (already authenticated) HTTP request to Apollo Server, or to the
 * query passthrough when one subgraph answers it whole, and streams its answer
 * back, after the checks that need the raw request: body size and trusted
 * documents.
 */
export async function handleGraphqlRequest(
  deps: GraphqlHandlerDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  context: GatewayContext,
): Promise<void> {
  let body: unknown;
  try {
    body = await parseBody(req, deps.maxBodyBytes);
  } catch (error) {
    if (error instanceof BodyTooLarge) return sendGraphqlError(res, 413, 'PAYLOAD_TOO_LARGE', error.message);
    if (error instanceof SyntaxError) return sendGraphqlError(res, 400, 'BAD_REQUEST', 'request body is not valid JSON');
    throw error;
  }

  const method = req.method ?? 'GET';
  // A stale token attached to login/refreshSession is ignored: the client is trying to renew it.
  if (context.refuseToken && !isSessionRenewalRequest(body)) return context.refuseToken();
  const trusted = applyTrustedDocuments(deps.trustedDocuments, { method, body, search: url.search }, clientNameOf(req.headers));
  if (!trusted.ok) {
    context.log.info({ code: trusted.code }, 'operation refused by the trusted-document policy');
    return sendGraphqlError(res, 400, trusted.code, trusted.message);
  }

  if (method === 'POST' && deps.passthrough && (await deps.passthrough.serve({ body: trusted.input.body, accept: req.headers.accept }, context, res))) {
    return;
  }
  const response = await deps.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method, headers: toHeaderMap(req), search: trusted.input.search, body: trusted.input.body },
    context: async () => context,
  });

  res.statusCode = response.status ?? 200;
  for (const [name, value] of response.headers) res.setHeader(name, value);
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

async function parseBody(req: IncomingMessage, maxBodyBytes: number): Promise<unknown> {
  if (req.method !== 'POST') return undefined;
  const raw = await readBody(req, maxBodyBytes);
  // Apollo Server rejects POSTs without a JSON body itself, with its own message.
  const isJson = /^application\/(?:[\w.+-]+\+)?json\b/i.test(req.headers['content-type'] ?? '');
  return isJson && raw.length > 0 ? (JSON.parse(raw) as unknown) : undefined;
}

function toHeaderMap(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}
