import { ProductSchema } from './product.entity.js';
import { StockReservationSchema } from './stock-reservation.entity.js';

export const catalogEntities = [ProductSchema, StockReservationSchema];
