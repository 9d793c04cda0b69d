import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { withTimeout, type PaymentProvider } from '../providers/payment-provider.js';
import type { SandboxProvider } from '../providers/sandbox/sandbox-provider.js';
import type { PaymentsSettings } from './payments-env.js';

/** What payments' use cases need beyond the database, prepared once at start. */
export interface PaymentsRuntime {
  settings: PaymentsSettings;
  /** The provider in use (PAYMENTS_PROVIDER). */
  provider: PaymentProvider;
  /** The sandbox, when it is the provider: the pay-now page tokenises cards with it, staff set its faults. */
  sandbox: SandboxProvider | null;
  /** The sandbox's own connection pool (it stands for another company's system). */
  sandboxOrm: MikroORM | null;
  logger: Logger;
  /** Where this service listens (known once the server is up). */
  listeningUrl: string | null;
}

/**
 * The platform hands the raw environment only to onStart, while resolvers,
 * routes, handlers and timers see an ORM or an EntityManager forked from one.
 * So the runtime is attached to both ORMs' configuration objects (request
 * pool and worker pool), which their forks share; two services booted in
 * one process (tests) keep their own.
 */
const runtimes = new WeakMap<object, PaymentsRuntime>();

export function attachRuntime(orms: MikroORM[], runtime: PaymentsRuntime): void {
  for (const orm of orms) runtimes.set(orm.config, runtime);
}

export function runtimeOf(owner: MikroORM | EntityManager): PaymentsRuntime {
  const runtime = runtimes.get(owner.config);
  if (!runtime) throw new Error('payments runtime missing: onStart has not run for this ORM');
  return runtime;
}

/** Origin customers reach payments' pages on (PAYMENTS_PUBLIC_URL, else where it listens). */
export function publicOrigin(runtime: PaymentsRuntime): string {
  const configured = runtime.settings.PAYMENTS_PUBLIC_URL;
  if (configured) return configured.replace(/\/+$/, '');
  if (!runtime.listeningUrl) throw new Error('payments: its public URL is not known yet (set PAYMENTS_PUBLIC_URL)');
  return new URL(runtime.listeningUrl).origin;
}

/** A provider call under the configured deadline: past it, the outcome is unknown (maybe applied). */
export function callProvider<T>(runtime: PaymentsRuntime, what: string, call: (provider: PaymentProvider) => Promise<T>): Promise<T> {
  return withTimeout(() => call(runtime.provider), runtime.settings.PAYMENTS_PROVIDER_TIMEOUT_MS, `${runtime.provider.name} ${what}`);
}
