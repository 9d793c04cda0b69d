import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgresServer, type RunningPostgres } from './postgres-server.js';

async function clientAddress(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ addr: string | null }>('select host(inet_client_addr()) as addr');
    return rows[0]!.addr;
  } finally {
    await client.end();
  }
}

describe('a PostgreSQL server started here', () => {
  let server: RunningPostgres;
  beforeAll(async () => {
    server = await startPostgresServer({ fast: true });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("is reached over its Unix socket by the URLs it gives (no client address), and a database's URL is one too", async () => {
    expect(await clientAddress(server.adminUrl)).toBeNull();
    const url = await server.createDatabase('socket_spec');
    expect(new URL(url).pathname).toBe('/socket_spec');
    expect(await clientAddress(url)).toBeNull();
  });

  it('still listens on loopback TCP at its port, for tools, and gives a database URL over TCP when asked', async () => {
    expect(await clientAddress(`postgres://vitrine:vitrine@127.0.0.1:${server.port}/postgres`)).toBe('127.0.0.1');
    const url = server.overTcp(await server.createDatabase('tcp_spec'));
    expect(new URL(url).pathname).toBe('/tcp_spec');
    expect(await clientAddress(url)).toBe('127.0.0.1');
  });

  it('removes its socket folder when stopped', async () => {
    const other = await startPostgresServer({ fast: true });
    const folder = decodeURIComponent(new URL(other.adminUrl).hostname);
    expect(existsSync(folder)).toBe(true);
    await other.stop();
    expect(existsSync(folder)).toBe(false);
  }, 120_000);

  it('keeps a socket folder it was given, so a restarted server is reached at the same URL', async () => {
    const socketDir = await mkdtemp(join(tmpdir(), 'vitrine-spec-sock-'));
    const dataDir = join(socketDir, 'data');
    try {
      const first = await startPostgresServer({ fast: true, dataDir, socketDir });
      const url = first.adminUrl;
      await first.stop();
      expect(existsSync(socketDir)).toBe(true);
      const again = await startPostgresServer({ fast: true, dataDir, socketDir, port: first.port });
      try {
        expect(again.adminUrl).toBe(url);
        expect(await clientAddress(url)).toBeNull();
      } finally {
        await again.stop();
      }
    } finally {
      await rm(socketDir, { recursive: true, force: true });
    }
  }, 120_000);
});
