import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '../auth/caller.js';

/** What every resolver receives; services add their own DataLoaders on top. */
export interface BaseContext {
  requestId: string;
  caller: Caller;
  /** A fork per request: identity map and unit of work never leak between requests. */
  em: EntityManager;
  /** The end client's address (first hop of x-forwarded-for set by the gateway, else the socket peer): for throttling and audit. */
  clientAddress: string;
  /** NODE_ENV is production: sandbox-only features (the sandbox clock, test payment providers) refuse to run. */
  production: boolean;
}
