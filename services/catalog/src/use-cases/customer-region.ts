import type { EntityManager } from '@mikro-orm/postgresql';
import { customerCountry, type Caller } from '@vitrine/platform';

/** The caller's country, fetched at most once per request (null when anonymous or not known yet). */
export function myCountryLookup(em: EntityManager, caller: Caller): () => Promise<string | null> {
  let pending: Promise<string | null> | undefined;
  return () => {
    if (caller.id === null) return Promise.resolve(null);
    pending ??= customerCountry(em, caller.id);
    return pending;
  };
}
