import type { Logger } from 'pino';

/** Per-request context shared by Apollo Server, the gateway and its subgraph fetches. */
export interface GatewayContext {
  readonly requestId: string;
  readonly authorization: string | undefined;
  readonly log: Logger;
}
