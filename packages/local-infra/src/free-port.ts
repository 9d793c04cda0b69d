import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';

// A port is chosen here and bound later by another process. A port the OS hands out for listen(0) comes from the
// ephemeral range, the same range it takes the local ports of outgoing connections from: in between, a connection to
// PostgreSQL or Kafka can take it, and the server fails with EADDRINUSE (a browser spec's web server did so in CI).
// Ports below the ephemeral range are never given to connections, so they stay free once checked.

const lowestChosen = 10_000;

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
      const server = await listening(low + Math.floor(Math.random() * (high - low + 1)));
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
