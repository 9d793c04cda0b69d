import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { eventHeaders } from '@vitrine/contracts';

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

/** Accepts only sane ids from the outside, so headers cannot inject junk into logs. */
export function acceptRequestId(value: unknown): string | undefined {
  return typeof value === 'string' && /^[A-Za-z0-9._:-]{1,128}$/.test(value) ? value : undefined;
}
