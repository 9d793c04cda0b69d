import pg from 'pg';
import type { Logger } from 'pino';

/**
 * What a process knows about commits to some tables: a number that moves on
 * every commit it heard of. A read that saw the same number before and after
 * it was made read nothing that a later commit (heard of) had replaced.
 */
export interface ChangeSignal {
  /** Moves on every notification, on every commit reported in this process, and whenever listening stops or resumes. */
  generation(): number;
  /** false while not listening (connecting, lost, stopped): nothing heard then can be trusted to be complete. */
  live(): boolean;
  /** A commit made by this process, known before its notification arrives. */
  changed(): void;
  stop(): Promise<void>;
}

export interface ChangeSignalOptions {
  url: string;
  /** The channel the tables' triggers notify. */
  channel: string;
  logger: Logger;
  /** Wait before listening again after the connection is lost (default 1 s). */
  retryMs?: number;
  /** Names the listening connection in pg_stat_activity. */
  applicationName?: string;
}

/**
 * Listens on `channel` on a connection of its own. PostgreSQL delivers a NOTIFY to every listening connection when
 * the transaction that sent it commits, in commit order, and never for one rolled back; a lost connection may lose
 * notifications, so the signal is not live from the loss until it listens again (and moves on both).
 */
export async function listenForChanges(options: ChangeSignalOptions): Promise<ChangeSignal> {
  let generation = 0;
  let listening = false;
  let stopped = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: options.url, application_name: options.applicationName });
    client = next;
    next.on('notification', (notice) => {
      if (notice.channel === options.channel) generation++;
    });
    next.on('error', (err) => lost(next, err));
    next.on('end', () => lost(next));
    try {
      await next.connect();
      await next.query(`listen "${options.channel}"`);
    } catch (err) {
      lost(next, err);
      return;
    }
    if (client === next && !stopped) {
      generation++;
      listening = true;
    }
  };

  const lost = (which: pg.Client, err?: unknown) => {
    if (client !== which) return;
    client = undefined;
    generation++;
    listening = false;
    void which.end().catch(() => undefined);
    if (stopped) return;
    options.logger.warn({ err, channel: options.channel }, 'change notifications lost; listening again shortly');
    retry = setTimeout(() => void connect(), options.retryMs ?? 1000);
    retry.unref();
  };

  await connect();
  return {
    generation: () => generation,
    live: () => listening,
    changed() {
      generation++;
    },
    async stop() {
      stopped = true;
      listening = false;
      generation++;
      if (retry) clearTimeout(retry);
      const open = client;
      client = undefined;
      await open?.end().catch(() => undefined);
    },
  };
}
