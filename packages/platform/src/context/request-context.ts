import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { eventHeaders } from '@vitrine/contracts';

// The gateway accepts ids through the light `@vitrine/platform/http` entry; kept here for existing importers.
export { acceptRequestId } from './request-id.js';

/** The header a request id travels in, over HTTP as in event headers. */
export const requestIdHeader = eventHeaders.requestId;

interface RequestScope {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs `fn` with a request id that logs and outgoing events pick up. */
export function withRequestId<T>(requestId: string | undefined, fn: () => T): T {
  return storage.run({ requestId: requestId || randomUUID() }, fn);
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
