import { randomUUID } from 'node:crypto';

// Client-chosen ids end up in every service's logs: accept only short, plain tokens.
const acceptable = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's `x-request-id` when it is a sane token, else a fresh UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const candidate = Array.isArray(header) ? header[0] : header;
  return candidate !== undefined && acceptable.test(candidate) ? candidate : randomUUID();
}
