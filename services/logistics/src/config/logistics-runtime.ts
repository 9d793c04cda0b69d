import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '@vitrine/platform';
import type { LogisticsSettings } from './logistics-env.js';

/** What logistics' HTTP routes need beyond the database, prepared once at start. */
export interface LogisticsRuntime {
  settings: LogisticsSettings;
  logger: Logger;
}

/**
 * The platform hands the raw environment only to onStart, while routes see an
 * ORM: the runtime is attached to the ORMs' configuration objects (their forks
 * share them), so two services booted in one process (tests) keep their own.
 */
const runtimes = new WeakMap<object, LogisticsRuntime>();

export function attachRuntime(orms: MikroORM[], runtime: LogisticsRuntime): void {
  for (const orm of orms) runtimes.set(orm.config, runtime);
}

export function runtimeOf(owner: MikroORM | EntityManager): LogisticsRuntime {
  const runtime = runtimes.get(owner.config);
  if (!runtime) throw new Error('logistics runtime missing: onStart has not run for this ORM');
  return runtime;
}
