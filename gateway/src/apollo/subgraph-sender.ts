import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';

/** What is sent: a GraphQL request is a POST of a JSON body; health checks and the like may GET. */
export interface SubgraphRequest {
  readonly method?: string;
  readonly headers?: http.OutgoingHttpHeaders;
  readonly body?: string;
}

/**
 * How long a pooled connection to a subgraph may sit idle before the gateway closes it: well under the subgraphs'
 * keep-alive (65 s), so the gateway never sends on a connection the subgraph is closing ("socket hang up", seen
 * on drop day when an idle socket outlived the subgraph's); as long as Node's own fetch keeps one.
 */
const idleConnectionMs = 4_000;

/** Closes a pooled connection after it sat idle `idleConnectionMs`; one in use has no timeout (as with fetch). */
function closeWhenIdle(socket: Socket, kept: unknown): boolean {
  // Node returns whether the socket is kept (its typings say void). The agent destroys a free socket that times out;
  // reused, the timeout is lifted again (see subgraphSender).
  if (kept === false) return false;
  socket.setTimeout(idleConnectionMs);
  return true;
}

class SubgraphAgent extends http.Agent {
  override keepSocketAlive(socket: Socket): boolean {
    return closeWhenIdle(socket, super.keepSocketAlive(socket));
  }
}

/** The same over TLS, for subgraphs named by an `https:` URL. */
class SubgraphTlsAgent extends https.Agent {
  override keepSocketAlive(socket: Socket): boolean {
    return closeWhenIdle(socket, super.keepSocketAlive(socket));
  }
}

/** A subgraph's answer, read whole, as bytes: what the query passthrough hands back to the client untouched. */
export interface SubgraphAnswer {
  readonly response: http.IncomingMessage;
  readonly body: Buffer;
}

export type SubgraphSend = (url: string, request?: SubgraphRequest) => Promise<SubgraphAnswer>;

/**
 * Sends a request to a subgraph over this process's keep-alive connections: node:http (node:https for an `https:`
 * subgraph URL, trusting what Node trusts), the whole body read before the answer is handed on. Node's fetch (undici
 * behind WHATWG streams, Request and Headers objects) cost the gateway about an eighth of its CPU per subgraph call
 * (bench CPU profiles, 2026-12-06); the subgraphs' answers are small JSON documents that need none of it.
 */
export function subgraphSender(): SubgraphSend {
  const plain = new SubgraphAgent({ keepAlive: true });
  const tls = new SubgraphTlsAgent({ keepAlive: true });
  // A request named by a URL string has Node parse it every time; the few replica URLs are parsed once each.
  const targets = new Map<string, http.RequestOptions>();
  const targetOf = (url: string) => {
    let target = targets.get(url);
    if (!target) {
      const { protocol, hostname, port, pathname, search } = new URL(url);
      target = { protocol, hostname: hostname.replace(/^\[|\]$/g, ''), port, path: `${pathname}${search}` };
      targets.set(url, target);
    }
    return target;
  };
  return (url, sent) =>
    new Promise<SubgraphAnswer>((resolve, reject) => {
      const secure = url.startsWith('https:');
      const options = { ...targetOf(url), method: sent?.method ?? 'GET', headers: sent?.headers, agent: secure ? tls : plain };
      const request = (secure ? https : http).request(options, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ response, body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) }));
        response.on('error', reject);
      });
      request.on('socket', (socket) => socket.setTimeout(0));
      request.on('error', reject);
      request.end(sent?.body);
    });
}
