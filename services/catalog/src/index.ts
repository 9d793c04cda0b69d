import 'reflect-metadata';

export { catalogService } from './catalog-service.js';
export { Product } from './store/product.entity.js';
export { StockReservation } from './store/stock-reservation.entity.js';
// The preorder campaign feature sets its limited quantity through this.
export { setPreorderLimit } from './use-cases/set-preorder-limit.js';
