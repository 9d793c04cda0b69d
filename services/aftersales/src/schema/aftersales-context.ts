import DataLoader from 'dataloader';
import type { BaseContext } from '@vitrine/platform';
import type { ReturnDestination } from '../domain/return-destination.js';
import type { Evidence } from '../store/evidence.entity.js';
import { evidenceOfClaims } from '../use-cases/read-claims.js';
import { returnDestinationsOf } from '../use-cases/return-warehouses.js';

export interface AftersalesContext extends BaseContext {
  /** Evidence per claim, one query per request. */
  evidenceByClaim: DataLoader<string, Evidence[]>;
  /** Where an order's items go back, two queries per request (a page of the returns queue included). */
  returnDestinationByOrder: DataLoader<string, ReturnDestination>;
}

export function extendContext(base: BaseContext): AftersalesContext {
  return {
    ...base,
    evidenceByClaim: new DataLoader((ids) => evidenceOfClaims(base.em, ids)),
    returnDestinationByOrder: new DataLoader(async (orderIds) => {
      const destinations = await returnDestinationsOf(base.em, orderIds);
      return orderIds.map((id) => destinations.get(id)!);
    }),
  };
}
