import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { RetrySchedule } from '../domain/delivery.js';
import type { Mailer } from '../mail/mailer.js';
import type { NotificationsSettings } from './notifications-env.js';

/** What the use cases need beyond the database, prepared once in onStart. */
export interface NotificationsRuntime {
  settings: NotificationsSettings;
  mailer: Mailer;
  retry: RetrySchedule;
  webhookRetry: RetrySchedule;
}

/**
 * The platform hands the environment only to onStart, while requests and
 * timers see an EntityManager (from the request pool or the worker pool).
 * Both pools point at the same database URL and schema, so the runtime is
 * found by those: two services booted in one process keep their own.
 */
const runtimes = new Map<string, NotificationsRuntime>();

const keyOf = (owner: MikroORM | EntityManager): string => {
  const config = owner.config as MikroORM['config'];
  return `${config.get('clientUrl')}|${config.get('schema')}`;
};

export function attachRuntime(orm: MikroORM, runtime: NotificationsRuntime): void {
  runtimes.get(keyOf(orm))?.mailer.close();
  runtimes.set(keyOf(orm), runtime);
}

export function runtimeOf(owner: MikroORM | EntityManager): NotificationsRuntime {
  const runtime = runtimes.get(keyOf(owner));
  if (!runtime) throw new Error('notifications runtime missing: onStart has not run for this database');
  return runtime;
}
