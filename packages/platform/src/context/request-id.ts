import { randomUUID } from 'node:crypto';

// Client-chosen ids end up in every service's logs: accept only short, plain tokens.
const acceptable = /^[A-Za-z0-9._:-]{1,128}$/;

/** Accepts only sane ids from the outside, so headers cannot inject junk into logs. */
export function acceptRequestId(value: unknown): string | undefined {
  return typeof value === 'string' && acceptable.test(value) ? value : undefined;
}

/** The caller's `x-request-id` when it is a sane token, else a fresh UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return acceptRequestId(Array.isArray(header) ? header[0] : header) ?? randomUUID();
}
