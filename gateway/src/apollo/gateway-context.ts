import type { Logger } from 'pino';

/** Per-request context shared by Apollo Server, the gateway and its subgraph fetches. */
export interface GatewayContext {
  readonly requestId: string;
  /** The caller's Authorization header, already verified here; subgraphs verify it again. */
  readonly authorization: string | undefined;
  /** The end client's address as the gateway determined it (see http/client-address.ts). */
  readonly clientAddress: string;
  readonly log: Logger;
  /** Set when the caller's token failed verification: refuses the request unless it only signs in or renews a session. */
  readonly refuseToken?: () => void;
}
