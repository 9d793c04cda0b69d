import type { MikroORM } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { IdTokenVerifier } from '../security/id-token-verifier.js';
import type { AccountsSettings } from './accounts-env.js';

/** What the accounts use cases need beyond the database, prepared once in onStart. */
export interface AccountsRuntime {
  settings: AccountsSettings;
  /** See security/password-hasher createDummyHash. */
  dummyHash: string;
  /** ID-token verifiers of the external identity providers (OIDC_PROVIDERS), by provider name. */
  externalProviders: ReadonlyMap<string, IdTokenVerifier>;
}

/**
 * The platform hands the raw environment only to onStart, while resolvers and
 * HTTP routes see the ORM (or an EntityManager forked from it). So the
 * runtime is attached to the ORM's configuration object, which every fork
 * shares; two services booted in one process (tests) keep their own.
 */
const runtimes = new WeakMap<object, AccountsRuntime>();

export function attachRuntime(orm: MikroORM, runtime: AccountsRuntime): void {
  runtimes.set(orm.config, runtime);
}

export function runtimeOf(owner: MikroORM | EntityManager): AccountsRuntime {
  const runtime = runtimes.get(owner.config);
  if (!runtime) throw new Error('accounts runtime missing: onStart has not run for this ORM');
  return runtime;
}
