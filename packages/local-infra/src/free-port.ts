import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processAlive } from './process-alive.js';

// A port is chosen here and bound later by another process. A port the OS hands out for listen(0) comes from the
// ephemeral range, the same range it takes the local ports of outgoing connections from: in between, a connection to
// PostgreSQL or Kafka can take it, and the server fails with EADDRINUSE (a browser spec's web server did so in CI).
// Ports below the ephemeral range are never given to connections, so they stay free once checked.

// A port checked free can still be taken by another process that chose it too: test files run side by side, and a
// stack that restarts a server on its port (the fault tier kills and restarts the gateway; `npm start`'s spec starts
// its stack four times) leaves it unbound in between. Every port handed out is therefore claimed, machine-wide, for
// as long as the process that asked for it lives (a file named after the port, holding that pid): no other process
// is given it meanwhile. A claim whose process is gone is taken over.

const lowestChosen = 10_000;

/** Where claims are kept: one directory for every process of this machine (VITRINE_PORT_CLAIMS_DIR for tests). */
export const portClaimsDir = () => process.env.VITRINE_PORT_CLAIMS_DIR ?? join(tmpdir(), 'vitrine-port-claims');

/**
 * Claims `port` for this process (`pid`): true when it was unclaimed, or claimed by this process or by one that has
 * ended; false while another live process holds it.
 */
export function claimPort(port: number, dir = portClaimsDir(), pid = process.pid): boolean {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, String(port));
  // Written aside, then linked in: a claim appears whole (link fails if one is there), never as an empty file.
  const mine = `${file}.${pid}`;
  writeFileSync(mine, String(pid));
  try {
    try {
      linkSync(mine, file);
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = holderOf(file);
    if (holder === pid) return true;
    if (holder !== undefined && processAlive(holder)) return false;
    // The holder has ended: replaced in one step (rename); of two processes taking it over at once, the one whose
    // pid stays there has it.
    renameSync(mine, file);
    return holderOf(file) === pid;
  } finally {
    rmSync(mine, { force: true });
  }
}

function holderOf(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** The kernel's ephemeral range (Linux), or the IANA one where it cannot be read. */
export function ephemeralRange(): { low: number; high: number } {
  try {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    if (Number.isInteger(low) && Number.isInteger(high)) return { low: low!, high: high! };
  } catch {
    // not Linux
  }
  return { low: 49_152, high: 65_535 };
}

/** The ports outside the ephemeral range this module chooses from. */
export function choosablePorts(range = ephemeralRange()): { low: number; high: number } {
  if (range.low - lowestChosen >= 1_000) return { low: lowestChosen, high: range.low - 1 };
  return { low: range.high + 1, high: 65_535 };
}

const listening = (port: number) =>
  new Promise<Server | undefined>((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => resolve(server));
  });

/** Asks for `count` distinct free TCP ports on loopback, outside the ephemeral range. */
export async function freePorts(count: number): Promise<number[]> {
  const { low, high } = choosablePorts();
  // Every server stays open until all ports are known, so the ports differ.
  const servers: Server[] = [];
  try {
    for (let tries = 0; servers.length < count; tries += 1) {
      if (tries > 200) throw new Error(`no free port between ${low} and ${high} after 200 tries`);
      const port = low + Math.floor(Math.random() * (high - low + 1));
      if (servers.some((s) => (s.address() as AddressInfo).port === port) || !claimPort(port)) continue;
      const server = await listening(port);
      if (server) servers.push(server);
    }
    return servers.map((server) => (server.address() as AddressInfo).port);
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}

/** Asks for a free TCP port on loopback, outside the ephemeral range. */
export async function freePort(): Promise<number> {
  const [port] = await freePorts(1);
  return port!;
}
