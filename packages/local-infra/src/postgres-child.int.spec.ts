import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './free-port.js';
import { startPostgresChild } from './postgres-child.js';
import { createDatabase, initialisePostgresData } from './postgres-server.js';

async function selectOne(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ one: number }>('select 1 as one')).rows[0]!.one;
  } finally {
    await client.end();
  }
}

/** The process group of a live process, from /proc. */
const groupOf = (pid: number) => Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[2]);

describe("npm start's PostgreSQL, a plain child process", () => {
  let parent: string;
  let dataDir: string;
  beforeAll(async () => {
    parent = await mkdtemp(join(tmpdir(), 'vitrine-pgchild-'));
    await chmod(parent, 0o755); // the unprivileged server user must reach it when we are root
    dataDir = join(parent, 'data');
    await initialisePostgresData(dataDir);
  }, 120_000);
  afterAll(async () => {
    await rm(parent, { recursive: true, force: true });
  });

  it('serves on its socket once ready, in a process group of its own, and stops with its socket folder gone', async () => {
    const server = await startPostgresChild({ dataDir, port: await freePort(), logFile: join(parent, 'postgres.log') });
    const socketDir = decodeURIComponent(new URL(server.adminUrl).hostname);
    try {
      expect(await selectOne(server.adminUrl)).toBe(1);
      expect(await selectOne(await createDatabase(server.adminUrl, 'child_spec'))).toBe(1);
      expect(groupOf(server.pid)).toBe(server.pid);
      expect(existsSync(socketDir)).toBe(true);
    } finally {
      await server.stop();
    }
    await server.exited;
    expect(existsSync(socketDir)).toBe(false);
    expect(readFileSync(join(parent, 'postgres.log'), 'utf8')).toContain('database system is shut down');
  }, 60_000);

  it("refuses a second server on a data folder in use, saying why in the server's own words, and leaves the first running", async () => {
    const logFile = join(parent, 'postgres.log');
    const first = await startPostgresChild({ dataDir, port: await freePort(), logFile });
    try {
      await expect(startPostgresChild({ dataDir, port: await freePort(), logFile })).rejects.toThrow(
        /exited at start[\s\S]*lock file "postmaster.pid" already exists/,
      );
      expect(await selectOne(first.adminUrl)).toBe(1);
    } finally {
      await first.stop();
    }
  }, 60_000);

  it("says why a data folder cannot be initialised, in initdb's words", async () => {
    // Not initialised, and not empty: initdb refuses it.
    const busy = join(parent, 'busy');
    await mkdir(busy);
    await writeFile(join(busy, 'notes.txt'), 'not a data folder');
    await expect(initialisePostgresData(busy)).rejects.toThrow(/could not be initialised[\s\S]*exists but is not empty/);
  });

  it('refuses a folder that was never initialised', async () => {
    await expect(startPostgresChild({ dataDir: join(parent, 'nothing'), port: await freePort(), logFile: join(parent, 'x.log') })).rejects.toThrow(
      'is not an initialised PostgreSQL data folder',
    );
  });
});
