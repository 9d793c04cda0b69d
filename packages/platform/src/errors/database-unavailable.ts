/**
 * SQLSTATEs and socket errors that mean PostgreSQL cannot be reached or is
 * going away (a restart, a failover): connection exceptions (class 08),
 * admin or crash shutdown and "starting up" (57P01-57P03), and the socket
 * refused, reset or timed out, or a Unix socket's file not there (the server
 * removes it while it is down). Nothing was committed by the statement that
 * met them, and the same request may well work a moment later.
 */
const unavailableCodes = new Set(['57P01', '57P02', '57P03', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);
/** node-postgres says these without a code: the connection died under a query, or the pool gave up waiting for one. */
const unavailableMessages = [/^Connection terminated/, /^Client has encountered a connection error/, /^timeout exceeded when trying to connect/];

/**
 * Is this error (MikroORM's DriverException copies the driver error's fields;
 * `cause` is followed too) the database being out of reach rather than a bug?
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (unavailableCodes.has(code) || code.startsWith('08'))) return true;
    // Only a connect's ENOENT: a file not found elsewhere is a bug, not an outage.
    if (code === 'ENOENT' && (current as { syscall?: unknown }).syscall === 'connect') return true;
    if (unavailableMessages.some((pattern) => pattern.test(current.message))) return true;
  }
  return false;
}
