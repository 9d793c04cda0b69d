import 'reflect-metadata';

export { catalogService } from './catalog-service.js';
export { Product } from './store/product.entity.js';
export { StockReservation } from './store/stock-reservation.entity.js';
export { catalog } from './identity.js';
export { catalogService as service } from './catalog-service.js';
