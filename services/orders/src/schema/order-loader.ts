import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { findOrdersByIds, type OrderRead } from '../use-cases/read-orders.js';

/** One query per request for every order the gateway asks about (entities from other subgraphs). */
export function createOrderLoader(em: EntityManager): DataLoader<string, OrderRead | null> {
  return new DataLoader((ids) => findOrdersByIds(em, ids));
}
