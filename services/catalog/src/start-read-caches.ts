import { listenForChanges, loadConfig, type ChangeSignal, type ProcessShared, type StartContext } from '@vitrine/platform';
import { catalogEnv } from './config/catalog-env.js';
import { listingChannel } from './store/listing-tables.js';
import type { CatalogReadCaches } from './schema/catalog-context.js';
import { ReadCache } from './schema/read-cache.js';
import type { CachedPage } from './schema/read-listing.js';
import type { Product } from './store/product.entity.js';

/**
 * The process's read caches (listing pages, products by id), forgetting everything on every change to a listing's
 * tables: heard from their triggers (any process or replica) and, at once, from the commits of this process's
 * requests. It listens on the process's listening
 * connection from the first listing asked (a process that serves none, such as a worker, never listens there) and
 * neither keeps nor answers a page until it listens.
 */
export async function startReadCaches(start: StartContext): Promise<ProcessShared<CatalogReadCaches | undefined>> {
  const ttlMs = loadConfig(catalogEnv, start.environment).LISTING_CACHE_TTL_MS;
  if (ttlMs === 0) return { value: undefined, release: async () => {} };
  let signal: ChangeSignal | undefined;
  let starting: Promise<void> | undefined;
  let released = false;
  const listen = () => {
    starting ??= listenForChanges({
      url: start.env.DATABASE_URL,
      channel: listingChannel,
      logger: start.logger,
      listener: start.listener,
    }).then(
      async (listening) => {
        if (released) await listening.stop();
        else signal = listening;
      },
      (err: unknown) => {
        start.logger.warn({ err }, 'the listing cache could not listen for changes; it stays off until the next listing asks');
        starting = undefined;
      },
    );
  };
  const lazy: Pick<ChangeSignal, 'generation' | 'live'> = {
    generation: () => signal?.generation() ?? 0,
    live: () => {
      if (!signal) listen();
      return signal?.live() ?? false;
    },
  };
  // The request pool's commits are the staff's changes, which they expect to see on their next request. The worker
  // pool's (events, timers, the relay) are heard by notification: every relay round would otherwise empty the cache.
  start.orm.em.getEventManager().registerSubscriber({ afterTransactionCommit: () => signal?.changed() });
  return {
    // A page of 50 products is ~50 kB, a product ~1 kB: a few MB at most.
    value: { pages: new ReadCache<CachedPage>(lazy, { ttlMs, maxEntries: 100 }), products: new ReadCache<Product>(lazy, { ttlMs, maxEntries: 2000 }) },
    release: async () => {
      released = true;
      await starting;
      await signal?.stop();
    },
  };
}
