import pg from 'pg';
import type { Logger } from 'pino';

/** What one part of the process wants to hear on a channel. */
export interface NotificationHandler {
  /** A notification on the channel, with its payload. */
  notice(payload: string): void;
  /**
   * Listening stopped (false: the connection was lost) or resumed (true: connected again and listening on every
   * channel): notifications sent in between may be missing, so what relies on them looks for itself.
   */
  gap(listening: boolean): void;
}

/**
 * A process's one LISTEN connection, shared by every part that waits for notifications (the bus's subscriptions,
 * the relay's wake-up, catalog's cache). PostgreSQL (up to 18 at least) wakes every listening connection of the
 * database on each notifying commit, whatever its channel, and each one reads the queue in a transaction of its own:
 * with a connection per part, ~15 of them, an order cost ~11 such transactions (bench/README.md, "Where the
 * database work goes"); with one per process, half as many.
 */
export interface NotificationListener {
  /**
   * Listens on `channel` until the returned stop is called. Resolves once PostgreSQL listens there, or once the
   * attempt failed: then the connection is tried again every `retryMs` and `gap(true)` says when it listens.
   */
  listen(channel: string, handler: NotificationHandler): Promise<() => Promise<void>>;
  /** Whether the connection is up and listening on every channel asked for. */
  live(): boolean;
  /** Stops listening on everything and closes the connection (what still listens hears nothing more). */
  close(): Promise<void>;
}

export interface NotificationListenerOptions {
  url: string;
  /** Names the connection in pg_stat_activity. */
  applicationName: string;
  logger: Logger;
  /** Wait before connecting again after the connection is lost or could not be made (default 1 s). */
  retryMs?: number;
}

const quoted = (channel: string) => `"${channel.replaceAll('"', '""')}"`;

interface Connection {
  client: pg.Client;
  listenedOn: Set<string>;
  /** Settles when the last statement sent on it is done. */
  last: Promise<unknown>;
}

/** Sends `sql` once the connection's previous statement is done. */
function send(connection: Connection, sql: string): Promise<unknown> {
  const result = connection.last.then(() => connection.client.query(sql));
  connection.last = result.catch(() => undefined);
  return result;
}

/**
 * The connection opens with the first channel listened on and closes when the last one stops (a process that
 * never waits for anything holds none). Statements go out on the connection one at a time, in the order they are
 * decided, so a stop and a new listen on the same channel end listening, as asked last. (pg queues a statement sent
 * while another runs, but warns that pg 9 will not: the queue is ours.)
 */
export function createNotificationListener(options: NotificationListenerOptions): NotificationListener {
  const channels = new Map<string, Set<NotificationHandler>>();
  /** The connection, with the channels it has been asked to listen on and its last statement sent. */
  let current: Connection | undefined;
  let connecting: Promise<void> | undefined;
  /** Connected and listening on every channel asked for: a connection whose attempt is over. */
  const live = () => current !== undefined && connecting === undefined;
  /** Handlers were told of a loss and not yet of a resumption (one telling per outage, however many attempts fail). */
  let toldLost = false;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const everyHandler = () => [...channels.values()].flatMap((handlers) => [...handlers]);
  const tell = (handlers: readonly NotificationHandler[], live: boolean) => {
    for (const handler of handlers) {
      try {
        handler.gap(live);
      } catch (err) {
        options.logger.error({ err }, 'a notification handler failed');
      }
    }
  };

  const drop = () => {
    const was = current;
    current = undefined;
    connecting = undefined;
    if (retry) clearTimeout(retry);
    retry = undefined;
    return was?.client.end().catch(() => undefined);
  };

  const lost = (which: pg.Client, err?: unknown) => {
    if (current?.client !== which) return;
    const wasListening = live();
    void drop();
    if (closed || channels.size === 0) return;
    if (!toldLost) {
      toldLost = true;
      options.logger.warn({ err }, wasListening ? 'notifications lost; listening again shortly' : 'could not listen for notifications; trying again');
      tell(everyHandler(), false);
    }
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, options.retryMs ?? 1000);
    retry.unref();
  };

  /** Opens the connection and listens on every channel asked for, including those asked for meanwhile. */
  const connect = (): Promise<void> => {
    if (connecting) return connecting;
    const next: Connection = {
      client: new pg.Client({ connectionString: options.url, application_name: options.applicationName.slice(0, 63) }),
      listenedOn: new Set<string>(),
      last: Promise.resolve(),
    };
    current = next;
    next.client.on('notification', (notice) => {
      for (const handler of channels.get(notice.channel) ?? []) {
        try {
          handler.notice(notice.payload ?? '');
        } catch (err) {
          options.logger.error({ err, channel: notice.channel }, 'a notification handler failed');
        }
      }
    });
    next.client.on('error', (err) => lost(next.client, err));
    next.client.on('end', () => lost(next.client));
    const attempt = (async () => {
      try {
        await next.client.connect();
        for (;;) {
          const missing = [...channels.keys()].filter((channel) => !next.listenedOn.has(channel));
          if (missing.length === 0) break;
          for (const channel of missing) {
            next.listenedOn.add(channel);
            await send(next, `listen ${quoted(channel)}`);
          }
        }
      } catch (err) {
        lost(next.client, err);
        return;
      }
      if (current !== next || closed) return;
      connecting = undefined;
      toldLost = false;
      tell(everyHandler(), true);
    })();
    connecting = attempt;
    return attempt;
  };

  return {
    async listen(channel, handler) {
      if (closed) throw new Error('the notification listener is closed');
      const handlers = channels.get(channel) ?? new Set();
      handlers.add(handler);
      channels.set(channel, handlers);
      if (retry) {
        // Waiting to try again: that attempt listens here too.
      } else if (!current || connecting) {
        await connect();
      } else if (!current.listenedOn.has(channel)) {
        const open = current;
        open.listenedOn.add(channel);
        await send(open, `listen ${quoted(channel)}`).catch((err: unknown) => lost(open.client, err));
      }
      let stopped = false;
      return async () => {
        if (stopped) return;
        stopped = true;
        handlers.delete(handler);
        if (handlers.size > 0 || channels.get(channel) !== handlers) return;
        channels.delete(channel);
        // Nothing left to hear: the connection goes (the next listen opens another).
        if (channels.size === 0) {
          toldLost = false;
          return drop();
        }
        const open = current;
        if (!open?.listenedOn.delete(channel)) return;
        await send(open, `unlisten ${quoted(channel)}`).catch(() => undefined);
      };
    },
    live,
    async close() {
      closed = true;
      channels.clear();
      await drop();
    },
  };
}
