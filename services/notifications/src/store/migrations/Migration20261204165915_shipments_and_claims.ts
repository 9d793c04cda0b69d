import { Migration } from '@mikro-orm/migrations';

export class Migration20261204165915_shipments_and_claims extends Migration {

  override name = 'Migration20261204165915_shipments_and_claims';

  override up(): void | Promise<void> {
    // The logistics shipment carrying an order: its dispatch email tells the order shipped.
    this.addSql(`alter table "notifications"."known_order" add "shipment_id" uuid null;`);

    this.addSql(`alter table "notifications"."message" drop constraint "message_kind_known";`);
    this.addSql(`alter table "notifications"."message" add constraint "message_kind_known" check (kind in ('WELCOME', 'ORDER_CONFIRMED', 'PAYMENT_DUE', 'CARD_CHARGE_SCHEDULED', 'PAYMENT_FAILED', 'ORDER_CANCELLED', 'ORDER_EXPIRED', 'CANCELLATION_OFFERED', 'ORDER_SHIPPED', 'ORDER_DELIVERED', 'RELEASE_DATE_CHANGED', 'SPEC_CHANGED', 'PRODUCT_ARRIVED', 'REFUND_ISSUED', 'SHIPPING_QUOTED', 'SHIPMENT_DISPATCHED', 'CLAIM_SUBMITTED', 'CLAIM_DECIDED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "notifications"."known_order" drop column "shipment_id";`);

    this.addSql(`alter table "notifications"."message" drop constraint "message_kind_known";`);
    this.addSql(`alter table "notifications"."message" add constraint "message_kind_known" check ("kind" in ('WELCOME', 'ORDER_CONFIRMED', 'PAYMENT_DUE', 'CARD_CHARGE_SCHEDULED', 'PAYMENT_FAILED', 'ORDER_CANCELLED', 'ORDER_EXPIRED', 'CANCELLATION_OFFERED', 'ORDER_SHIPPED', 'ORDER_DELIVERED', 'RELEASE_DATE_CHANGED', 'SPEC_CHANGED', 'PRODUCT_ARRIVED', 'REFUND_ISSUED'));`);
  }

}
