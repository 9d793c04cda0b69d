import { AuditEntrySchema, CustomerRegionSchema } from '@vitrine/platform';
import { PreorderCampaignSchema } from './preorder-campaign.entity.js';
import { ProductSchema } from './product.entity.js';
import { ReleaseDateChangeSchema } from './release-date-change.entity.js';
import { SpecChangeSchema } from './spec-change.entity.js';
import { StockReservationSchema } from './stock-reservation.entity.js';
import { StudioSchema } from './studio.entity.js';

export const catalogEntities = [ProductSchema, StockReservationSchema, AuditEntrySchema, ReleaseDateChangeSchema, StudioSchema, CustomerRegionSchema, SpecChangeSchema, PreorderCampaignSchema];
