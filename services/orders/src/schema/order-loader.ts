import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Order } from '../store/order.entity.js';
import { findOrdersByIds } from '../use-cases/read-orders.js';

/** One query per request for every order the gateway asks about (entities from other subgraphs). */
export function createOrderLoader(em: EntityManager): DataLoader<string, Order | null> {
  return new DataLoader((ids) => findOrdersByIds(em, ids));
}
