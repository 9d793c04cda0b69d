import { orderPlacedV1 } from '@vitrine/contracts';
import { customerRegionHandlers, on } from '@vitrine/platform';
import { reserveStockForOrder } from '../use-cases/reserve-stock.js';

export const catalogHandlers = [on(orderPlacedV1, (event, em) => reserveStockForOrder(em, event)), ...customerRegionHandlers];
