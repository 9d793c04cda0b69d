import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventData, EventDefinition, EventEnvelope } from '@vitrine/contracts';
import { when, type SetMember, type SetUseCase } from '@vitrine/platform';
import type { Notice } from '../domain/notice.js';
import { KnownOrders } from './known-orders.js';
import { queueToldNotices, type ToldNotice } from './queue-notices.js';
import { fanOutToPartners, forwardToPublicTopic } from './webhooks.js';

/** What the events of one batch told, collected while each is applied and written together at the end. */
export interface TellingBatch {
  /** Every order the batch's events name, read in one select; what an event changes, the next one sees. */
  orders: KnownOrders;
  told: ToldNotice[];
  /** For the partners, in order. */
  events: EventEnvelope<unknown>[];
}

/** What one event does here: learns what it says, and returns what its customer is told (null: nothing). */
export type Telling<TDef extends EventDefinition> = (event: EventEnvelope<EventData<TDef>>, batch: TellingBatch) => Promise<Notice | null> | Notice | null;

interface Item {
  event: EventEnvelope<unknown>;
  definition: EventDefinition;
  tell: (event: EventEnvelope<unknown>, batch: TellingBatch) => Promise<Notice | null> | Notice | null;
}

/** The orders an event names (an order's, a shipment's): loaded with the batch's others. */
function orderIdsOf(data: unknown): string[] {
  if (typeof data !== 'object' || data === null) return [];
  const { orderId, orderIds } = data as { orderId?: unknown; orderIds?: unknown };
  return [...(typeof orderId === 'string' ? [orderId] : []), ...(Array.isArray(orderIds) ? orderIds.filter((id) => typeof id === 'string') : [])];
}

/**
 * Events whose effects here need no other read than their orders: a batch of
 * them (a burst of orders' events) costs one select of known orders, one
 * insert of messages and one of their send timers, one fan-out to partners
 * and its timers, and the flush of the orders and the public copies, instead
 * of those per event. Applied alone (a retry), an event is a batch of one.
 */
export const tellInBatches: SetUseCase<Item, TellingBatch> = {
  async load(items, em) {
    const orders = new KnownOrders(em);
    await orders.load(items.flatMap((item) => orderIdsOf(item.event.data)));
    return { orders, told: [], events: [] };
  },
  async apply(item, batch, em: EntityManager) {
    const notice = await item.tell(item.event, batch);
    if (notice) batch.told.push({ event: item.event, notice });
    batch.events.push(item.event);
    forwardToPublicTopic(em, item.definition, item.event);
  },
  async save(batch, em) {
    await queueToldNotices(em, batch.told);
    await fanOutToPartners(em, batch.events);
  },
};

/** One event's part: `tell` runs in delivery order; what it returns is queued with the batch's others. */
export function telling<TDef extends EventDefinition>(definition: TDef, tell: Telling<TDef>): SetMember<Item> {
  return when(definition, (event) => ({ event, definition, tell: tell as Item['tell'] }));
}
