import { Migration20261205134500_extra_shipping_waived } from './Migration20261205134500_extra_shipping_waived.js';
import { Migration20261205110000_message_body } from './Migration20261205110000_message_body.js';
import { Migration20261205093000_partner_removal } from './Migration20261205093000_partner_removal.js';
import { Migration20261205000000_account_mail } from './Migration20261205000000_account_mail.js';
import { Migration20261204205000_return_requested } from './Migration20261204205000_return_requested.js';
import { Migration20261204180000_claim_offers_and_returns } from './Migration20261204180000_claim_offers_and_returns.js';
import { Migration20261204165915_shipments_and_claims } from './Migration20261204165915_shipments_and_claims.js';
import { Migration20261204041500_partner_webhooks } from './Migration20261204041500_partner_webhooks.js';
import { Migration20261204035827_initial } from './Migration20261204035827_initial.js';
import type { MigrationObject } from '@mikro-orm/core';

/** Every migration, in order. `npm run migration:create -w services/notifications` adds to this list. */
export const notificationsMigrations: MigrationObject[] = [
  { name: 'Migration20261204035827_initial', class: Migration20261204035827_initial },
  { name: 'Migration20261204041500_partner_webhooks', class: Migration20261204041500_partner_webhooks },
  { name: 'Migration20261204165915_shipments_and_claims', class: Migration20261204165915_shipments_and_claims },
  { name: 'Migration20261204180000_claim_offers_and_returns', class: Migration20261204180000_claim_offers_and_returns },
  { name: 'Migration20261204205000_return_requested', class: Migration20261204205000_return_requested },
  { name: 'Migration20261205000000_account_mail', class: Migration20261205000000_account_mail },
  { name: 'Migration20261205093000_partner_removal', class: Migration20261205093000_partner_removal },
  { name: 'Migration20261205110000_message_body', class: Migration20261205110000_message_body },
  { name: 'Migration20261205134500_extra_shipping_waived', class: Migration20261205134500_extra_shipping_waived },
];
