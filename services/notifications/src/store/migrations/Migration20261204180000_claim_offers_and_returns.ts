import { Migration } from '@mikro-orm/migrations';

export class Migration20261204180000_claim_offers_and_returns extends Migration {

  override name = 'Migration20261204180000_claim_offers_and_returns';

  override up(): void | Promise<void> {
    // After-sales' offers, evidence requests, refusals, resolutions and inspected returns each have an email.
    this.addSql(`alter table "notifications"."message" drop constraint "message_kind_known";`);
    this.addSql(`alter table "notifications"."message" add constraint "message_kind_known" check (kind in ('WELCOME', 'ORDER_CONFIRMED', 'PAYMENT_DUE', 'CARD_CHARGE_SCHEDULED', 'PAYMENT_FAILED', 'ORDER_CANCELLED', 'ORDER_EXPIRED', 'CANCELLATION_OFFERED', 'ORDER_SHIPPED', 'ORDER_DELIVERED', 'RELEASE_DATE_CHANGED', 'SPEC_CHANGED', 'PRODUCT_ARRIVED', 'REFUND_ISSUED', 'SHIPPING_QUOTED', 'SHIPMENT_DISPATCHED', 'CLAIM_SUBMITTED', 'CLAIM_DECIDED', 'CLAIM_OFFERED', 'CLAIM_EVIDENCE_REQUESTED', 'CLAIM_REFUSED', 'CLAIM_RESOLVED', 'RETURN_RECEIVED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "notifications"."message" drop constraint "message_kind_known";`);
    this.addSql(`alter table "notifications"."message" add constraint "message_kind_known" check (kind in ('WELCOME', 'ORDER_CONFIRMED', 'PAYMENT_DUE', 'CARD_CHARGE_SCHEDULED', 'PAYMENT_FAILED', 'ORDER_CANCELLED', 'ORDER_EXPIRED', 'CANCELLATION_OFFERED', 'ORDER_SHIPPED', 'ORDER_DELIVERED', 'RELEASE_DATE_CHANGED', 'SPEC_CHANGED', 'PRODUCT_ARRIVED', 'REFUND_ISSUED', 'SHIPPING_QUOTED', 'SHIPMENT_DISPATCHED', 'CLAIM_SUBMITTED', 'CLAIM_DECIDED'));`);
  }

}
