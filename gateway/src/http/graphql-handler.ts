import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { GatewayContext } from '../apollo/gateway-context.js';
import { BodyTooLargeError, readBody } from './read-body.js';
import { sendJson } from './send.js';

// Operations are small; anything bigger is a mistake or an attack.
const maxBodyBytes = 1024 * 1024;

/** Hands one HTTP request to Apollo Server and streams its answer back. */
export async function handleGraphqlRequest(
  apollo: ApolloServer<GatewayContext>,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  context: GatewayContext,
): Promise<void> {
  let body: unknown;
  try {
    body = await parseBody(req);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return sendJson(res, 413, { errors: [{ message: error.message }] });
    if (error instanceof SyntaxError) return sendJson(res, 400, { errors: [{ message: 'request body is not valid JSON' }] });
    throw error;
  }

  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method ?? 'GET', headers: toHeaderMap(req), search: url.search, body },
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

async function parseBody(req: IncomingMessage): Promise<unknown> {
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
