import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { CaughtMessage, MessageStore } from './message-store.js';
import { renderInbox, renderMessage, renderNotFound } from './pages.js';

// The pages load nothing but their own inline style and the HTML body's frame; nothing may frame them.
const pageCsp = "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
// A message's HTML is someone else's markup: a sandbox (no scripts, no forms, an opaque origin) even when opened
// alone, inline styles and embedded (data:) images only, so no remote image tells a tracker it was read.
const bodyCsp =
  "sandbox allow-popups allow-popups-to-escape-sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

/** Loopback names only: a page on another site that rebinds its own name to 127.0.0.1 reads nothing. */
const localHostnames = new Set(['127.0.0.1', 'localhost', '[::1]']);
const isLocalHost = (host: string | undefined) => host !== undefined && localHostnames.has(host.replace(/:\d+$/, '').toLowerCase());

/**
 * The catcher's HTTP side: `/` lists messages newest first, `/messages/<id>` shows one (its HTML body
 * from `/messages/<id>/html`, sandboxed), `/api/messages` (`?to=address`) and `/api/messages/<id>` are
 * the same as JSON, `DELETE /api/messages` forgets them all.
 */
export function createWebServer(store: MessageStore): Server {
  return createServer((req, res) => {
    try {
      route(store, req, res);
    } catch (err) {
      send(res, 500, 'text/plain; charset=utf-8', `mail catcher: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
}

function route(store: MessageStore, req: IncomingMessage, res: ServerResponse): void {
  if (!isLocalHost(req.headers.host)) return send(res, 421, 'text/plain; charset=utf-8', 'The mail catcher answers on 127.0.0.1 or localhost only.');
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const path = url.pathname.split('/').filter(Boolean);
  const method = req.method ?? 'GET';

  if (path[0] === 'api' && path[1] === 'messages' && path.length === 2) {
    if (method === 'DELETE') {
      store.clear();
      return send(res, 204, 'text/plain; charset=utf-8', '');
    }
    if (method !== 'GET') return notAllowed(res, 'GET, DELETE');
    const to = url.searchParams.get('to')?.toLowerCase();
    const listed = store.list().filter((m) => !to || m.to.some((address) => address.toLowerCase() === to));
    return json(res, 200, { limit: store.limit, messages: listed.map(summaryOf) });
  }
  if (method !== 'GET' && method !== 'HEAD') return notAllowed(res, 'GET, HEAD');
  if (path.length === 0) return page(res, 200, renderInbox(store.list(), store.limit));
  if (path[0] === 'api' && path[1] === 'messages' && path.length === 3) {
    const message = store.get(path[2]!);
    return message ? json(res, 200, detailOf(message)) : json(res, 404, { error: 'no such message' });
  }
  if (path[0] === 'messages' && (path.length === 2 || (path.length === 3 && path[2] === 'html'))) {
    const message = store.get(path[1]!);
    if (!message) return page(res, 404, renderNotFound());
    if (path.length === 2) return page(res, 200, renderMessage(message));
    if (!message.html) return send(res, 404, 'text/plain; charset=utf-8', 'This message has no HTML body.');
    return send(res, 200, 'text/html; charset=utf-8', message.html, { 'content-security-policy': bodyCsp });
  }
  return page(res, 404, renderNotFound());
}

const summaryOf = (m: CaughtMessage) => ({
  id: m.id,
  receivedAt: m.receivedAt.toISOString(),
  from: m.from,
  to: m.to,
  subject: m.subject,
  messageId: m.messageId ?? null,
  hasHtml: Boolean(m.html),
  attachments: m.attachments.length,
});

const detailOf = (m: CaughtMessage) => ({ ...m, receivedAt: m.receivedAt.toISOString(), messageId: m.messageId ?? null, html: m.html ?? null });

function send(res: ServerResponse, status: number, contentType: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'content-type': contentType,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

const page = (res: ServerResponse, status: number, html: string) => send(res, status, 'text/html; charset=utf-8', html, { 'content-security-policy': pageCsp });
const json = (res: ServerResponse, status: number, body: unknown) => send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));

function notAllowed(res: ServerResponse, allow: string): void {
  send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed', { allow });
}
