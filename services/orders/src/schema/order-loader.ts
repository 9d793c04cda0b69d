import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '@vitrine/platform';
import { Order } from '../store/order.entity.js';

/** One query per request for every order the gateway asks about (entities from other subgraphs). */
export function createOrderLoader(em: EntityManager): DataLoader<string, Order | null> {
  return new DataLoader(async (ids) => {
    const valid = ids.filter(isUuid);
    const orders = valid.length ? await em.find(Order, { id: { $in: valid } }, { populate: ['lines', 'dues'] }) : [];
    const byId = new Map(orders.map((o) => [o.id, o]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
