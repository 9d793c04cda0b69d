import type { MikroORM } from '@mikro-orm/postgresql';
import { OutboxMessage } from './outbox-message.entity.js';
import type { OutboxRelay } from './outbox-relay.js';

/**
 * Wakes the relay once a transaction that staged events has committed, so
 * delivery does not wait for the next poll. Only outbox writes wake it: waking
 * on every commit (the relay's own included) would make it spin.
 */
export function wakeRelayOnCommit(orm: MikroORM, relay: OutboxRelay): void {
  let staged = false;
  orm.em.getEventManager().registerSubscriber({
    afterFlush({ uow, em }) {
      if (!uow.getChangeSets().some((cs) => cs.entity instanceof OutboxMessage)) return;
      if (em.isInTransaction()) staged = true;
      else relay.wake(); // a flush in its own implicit transaction has committed already
    },
    afterTransactionCommit() {
      if (!staged) return;
      staged = false;
      relay.wake();
    },
  });
}
