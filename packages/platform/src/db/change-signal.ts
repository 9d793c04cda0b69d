import type { Logger } from 'pino';
import { createNotificationListener, type NotificationListener } from './notification-listener.js';

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
  /** The process's listening connection; without it the signal opens one of its own (closed by stop). */
  listener?: NotificationListener;
  /** Wait before listening again after the connection is lost (default 1 s; its own connection only). */
  retryMs?: number;
  /** Names its own listening connection in pg_stat_activity. */
  applicationName?: string;
}

/**
 * Listens on `channel`. PostgreSQL delivers a NOTIFY to every listening connection when the transaction that sent
 * it commits, in commit order, and never for one rolled back; a lost connection may lose notifications, so the
 * signal is not live from the loss until it listens again (and moves on both).
 */
export async function listenForChanges(options: ChangeSignalOptions): Promise<ChangeSignal> {
  let generation = 0;
  let stopped = false;
  const own = options.listener
    ? undefined
    : createNotificationListener({
        url: options.url,
        applicationName: options.applicationName ?? 'vitrine:change-signal',
        logger: options.logger,
        retryMs: options.retryMs,
      });
  const listener = options.listener ?? own!;
  // Every notification, and every loss or resumption of listening, moves it; live is the listener's own state.
  const move = () => {
    generation++;
  };
  const stopListening = await listener.listen(options.channel, { notice: move, gap: move });
  generation++;
  return {
    generation: () => generation,
    live: () => !stopped && listener.live(),
    changed() {
      generation++;
    },
    async stop() {
      stopped = true;
      generation++;
      await stopListening();
      await own?.close();
    },
  };
}
