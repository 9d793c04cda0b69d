import { readdir, readFile, readlink } from 'node:fs/promises';
import type { SubgraphName } from '@vitrine/gateway';
import { openDatabase } from './db.js';
import type { FaultStack, Instance } from './stack.js';

// Which replica's relay publishes, read from outside as an operator could: the relay holds its service's advisory
// lock (`<schema>.outbox_relay`, packages/platform/src/outbox/outbox-relay.ts) for the transaction of each batch, so
// pg_locks names the backend that holds it, pg_stat_activity that backend's client port, and /proc which of the
// stack's processes owns a socket on that port. Sampled often, it shows the relays taking turns, then the survivor
// alone once its peer is killed.

/** One look at a service's relay lock while it was held. */
export interface RelayLockSample {
  at: Date;
  service: SubgraphName;
  /** The replica whose backend held it (`unknown`: a process outside the stack, or one gone before it was asked). */
  holder: Instance | 'unknown';
}

export interface RelayLockWatch {
  /** The replica last seen holding `service`'s relay lock. */
  lastHolder(service: SubgraphName): Instance | undefined;
  /** The replica seen holding `service`'s relay lock next (within one sampling round of now), or undefined past `withinMs`. */
  nextHolder(service: SubgraphName, withinMs: number): Promise<Instance | undefined>;
  /** Stops sampling; every sample taken. */
  stop(): Promise<RelayLockSample[]>;
}

const holdersQuery = `
  select s.service, a.pid, a.client_port
    from unnest($1::text[]) as s(service)
    join pg_locks l on l.locktype = 'advisory' and l.granted and l.objsubid = 1
     and l.classid::text::bigint = (hashtext(s.service || '.outbox_relay')::bigint >> 32) & 4294967295
     and l.objid::text::bigint = hashtext(s.service || '.outbox_relay')::bigint & 4294967295
    join pg_stat_activity a on a.pid = l.pid`;

/** Samples, every `everyMs`, which replica of each service holds its relay lock (each service's schema is its name). */
export function watchRelayLocks(databaseUrl: string, stack: FaultStack, services: readonly SubgraphName[], everyMs = 25): RelayLockWatch {
  const db = openDatabase(databaseUrl);
  const samples: RelayLockSample[] = [];
  const last = new Map<SubgraphName, Instance>();
  // Backend (pid and client port) -> the replica it serves; a pool's connections live long, so /proc is read rarely.
  const owners = new Map<string, Instance>();
  const waiters: { service: SubgraphName; resolve: (holder: Instance | undefined) => void }[] = [];
  let stopping = false;

  const ownerOf = async (pid: number, port: number): Promise<Instance | 'unknown'> => {
    const backend = `${pid}:${port}`;
    if (!owners.has(backend)) {
      const portOwners = await portsOwnedBy(
        services.flatMap((service) => stack.replicasOf(service)),
        stack,
      );
      const owner = portOwners.get(port);
      if (owner) owners.set(backend, owner);
    }
    return owners.get(backend) ?? 'unknown';
  };

  const loop = (async () => {
    while (!stopping) {
      const { rows } = await db
        .query<{ service: SubgraphName; pid: number; client_port: number }>(holdersQuery, [services])
        .catch(() => ({ rows: [] as { service: SubgraphName; pid: number; client_port: number }[] }));
      const at = new Date();
      for (const row of rows) {
        const holder = await ownerOf(row.pid, row.client_port);
        samples.push({ at, service: row.service, holder });
        if (holder === 'unknown') continue;
        last.set(row.service, holder);
        for (const waiter of waiters.filter((w) => w.service === row.service)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(holder);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();

  return {
    lastHolder: (service) => last.get(service),
    nextHolder: (service, withinMs) =>
      new Promise((resolve) => {
        const waiter = { service, resolve };
        waiters.push(waiter);
        setTimeout(() => {
          const at = waiters.indexOf(waiter);
          if (at >= 0) waiters.splice(at, 1);
          resolve(undefined);
        }, withinMs).unref();
      }),
    async stop() {
      stopping = true;
      await loop;
      await db.end();
      return samples;
    },
  };
}

/** Local TCP port -> the instance whose process has that socket open (Linux /proc: its fds, then the socket table). */
async function portsOwnedBy(instances: Instance[], stack: FaultStack): Promise<Map<number, Instance>> {
  const inodeOwner = new Map<string, Instance>();
  for (const instance of instances) {
    const pid = stack.pidOf(instance);
    if (pid === undefined) continue;
    const fds = await readdir(`/proc/${pid}/fd`).catch(() => [] as string[]);
    for (const fd of fds) {
      const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode) inodeOwner.set(inode, instance);
    }
  }
  const owners = new Map<number, Instance>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const lines = (await readFile(table, 'utf8').catch(() => '')).split('\n').slice(1);
    for (const line of lines) {
      // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode ...
      const fields = line.trim().split(/\s+/);
      const owner = inodeOwner.get(fields[9] ?? '');
      const port = fields[1]?.split(':')[1];
      if (owner && port) owners.set(Number.parseInt(port, 16), owner);
    }
  }
  return owners;
}
