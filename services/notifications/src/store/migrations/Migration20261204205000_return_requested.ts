import { Migration } from '@mikro-orm/migrations';

export class Migration20261204205000_return_requested extends Migration {

  override name = 'Migration20261204205000_return_requested';

  override up(): void | Promise<void> {
    // The email for a return for preference accepted (aftersales.return.requested).
    this.addSql(`alter table "notifications"."message" drop constraint "message_kind_known";`);
    this.addSql(`alter table "notifications"."message" add constraint "message_kind_known" check (kind in ('WELCOME', 'ORDER_CONFIRMED', 'PAYMENT_DUE', 'CARD_CHARGE_SCHEDULED', 'PAYMENT_FAILED', 'ORDER_CANCELLED', 'ORDER_EXPIRED', 'CANCELLATION_OFFERED', 'ORDER_SHIPPED', 'ORDER_DELIVERED', 'RELEASE_DATE_CHANGED', 'SPEC_CHANGED', 'PRODUCT_ARRIVED', 'REFUND_ISSUED', 'SHIPPING_QUOTED', 'SHIPMENT_DISPATCHED', 'CLAIM_SUBMITTED', 'CLAIM_DECIDED', 'CLAIM_OFFERED', 'CLAIM_EVIDENCE_REQUESTED', 'CLAIM_REFUSED', 'CLAIM_RESOLVED', 'RETURN_RECEIVED', 'RETURN_REQUESTED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`delete from "notifications"."delivery_attempt" where "message_id" in (select "id" from "notifications"."message" where "kind" = 'RETURN_REQUESTED');`);
    this.addSql(`delete from "notifications"."message" where "kind" = 'RETURN_REQUESTED';`);
    this.addSql(`alter table "notifications"."message" drop constraint "message_kind_known";`);
    this.addSql(`alter table "notifications"."message" add constraint "message_kind_known" check (kind in ('WELCOME', 'ORDER_CONFIRMED', 'PAYMENT_DUE', 'CARD_CHARGE_SCHEDULED', 'PAYMENT_FAILED', 'ORDER_CANCELLED', 'ORDER_EXPIRED', 'CANCELLATION_OFFERED', 'ORDER_SHIPPED', 'ORDER_DELIVERED', 'RELEASE_DATE_CHANGED', 'SPEC_CHANGED', 'PRODUCT_ARRIVED', 'REFUND_ISSUED', 'SHIPPING_QUOTED', 'SHIPMENT_DISPATCHED', 'CLAIM_SUBMITTED', 'CLAIM_DECIDED', 'CLAIM_OFFERED', 'CLAIM_EVIDENCE_REQUESTED', 'CLAIM_REFUSED', 'CLAIM_RESOLVED', 'RETURN_RECEIVED'));`);
  }

}
