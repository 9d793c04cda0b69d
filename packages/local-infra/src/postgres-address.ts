import { chmod, mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The local servers' superuser: loopback and a socket folder only, never a shared machine's.
export const user = 'vitrine';
export const password = 'vitrine';

/**
 * A fresh folder for the server's socket, short enough for a socket path (about 100 bytes, which a data folder deep
 * in a checkout can exceed) and writable by the server's user (`postgres` when we are root; sticky, as /tmp is).
 * A query over the socket costs both sides about a fifth less CPU than over loopback TCP (measured here: node 20-24
 * µs and PostgreSQL 31-32 µs per `select`, against 27-34 and 39-41), and every service sends many.
 */
export async function socketDirectory(given?: string): Promise<string> {
  const dir = given ?? (await mkdtemp(join(tmpdir(), 'vitrine-pgsock-')));
  await mkdir(dir, { recursive: true });
  await chmod(dir, 0o1777);
  return dir;
}

/** A URL to `database` at `host`: an address, or a socket folder percent-encoded (as `pg` and MikroORM both read it). */
export function urlOf(host: string, port: number, database: string): string {
  return `postgres://${user}:${password}@${host}:${port}/${database}`;
}

/** The settings every local server starts with: loopback TCP, room for every service's pool, the socket folder. */
export const localServerFlags = (socketDir: string): string[] => [
  '-c',
  'listen_addresses=127.0.0.1',
  '-c',
  'max_connections=400',
  '-c',
  `unix_socket_directories=${socketDir}`,
];
