import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';

type Fetcher = NonNullable<NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher']>;
type FetcherRequestInit = NonNullable<Parameters<Fetcher>[1]>;
type FetcherResponse = Awaited<ReturnType<Fetcher>>;

/**
 * How long a pooled connection to a subgraph may sit idle before the gateway closes it: well under the subgraphs'
 * keep-alive (65 s), so the gateway never sends on a connection the subgraph is closing ("socket hang up", seen
 * on drop day when an idle socket outlived the subgraph's); as long as Node's own fetch keeps one.
 */
const idleConnectionMs = 4_000;

/** Closes a pooled connection after it sat idle `idleConnectionMs`; one in use has no timeout (as with fetch). */
function closeWhenIdle(socket: Socket, kept: unknown): boolean {
  // Node returns whether the socket is kept (its typings say void). The agent destroys a free socket that times out;
  // reused, the timeout is lifted again (see subgraphFetcher).
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

/**
 * The gateway's fetch to subgraphs: node:http (node:https for an `https:`
 * subgraph URL, trusting what Node trusts) on keep-alive connections, the
 * whole body read before the answer is handed on. Node's fetch (undici
 * behind WHATWG streams, Request and Headers objects) cost the gateway about
 * an eighth of its CPU per subgraph call (bench CPU profiles, 2026-12-06);
 * the subgraphs' answers are small JSON documents that need none of it.
 */
export function subgraphFetcher(send: SubgraphSend = subgraphSender()): Fetcher {
  return async (url: string, init?: FetcherRequestInit) => {
    const answer = await send(url, init);
    return new BufferedResponse(url, answer.response, answer.body);
  };
}

/** A subgraph's answer, read whole, as bytes: what the query passthrough hands back to the client untouched. */
export interface SubgraphAnswer {
  readonly response: http.IncomingMessage;
  readonly body: Buffer;
}

export type SubgraphSend = (url: string, init?: FetcherRequestInit) => Promise<SubgraphAnswer>;

/** Sends a request to a subgraph over this process's keep-alive connections (see subgraphFetcher). */
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
  return (url, init) =>
    new Promise<SubgraphAnswer>((resolve, reject) => {
      const secure = url.startsWith('https:');
      const options = { ...targetOf(url), method: init?.method ?? 'GET', headers: init?.headers, agent: secure ? tls : plain };
      const request = (secure ? https : http).request(options, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ response, body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) }));
        response.on('error', reject);
      });
      request.on('socket', (socket) => socket.setTimeout(0));
      request.on('error', reject);
      request.end(init?.body);
    });
}

/** A subgraph's answer, read whole: what Apollo's data source reads of a fetch Response. */
class BufferedResponse implements FetcherResponse {
  readonly redirected = false;
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  bodyUsed = false;

  constructor(
    readonly url: string,
    response: http.IncomingMessage,
    private readonly body: Buffer,
  ) {
    this.status = response.statusCode ?? 0;
    this.statusText = response.statusMessage ?? '';
    this.headers = new Headers();
    const raw = response.rawHeaders;
    for (let i = 0; i + 1 < raw.length; i += 2) this.headers.append(raw[i]!, raw[i + 1]!);
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  async text(): Promise<string> {
    this.bodyUsed = true;
    return this.body.toString('utf8');
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    this.bodyUsed = true;
    return new Uint8Array(this.body).buffer;
  }

  clone(): FetcherResponse {
    const copy = Object.create(BufferedResponse.prototype) as BufferedResponse;
    return Object.assign(copy, this, { bodyUsed: false });
  }
}
