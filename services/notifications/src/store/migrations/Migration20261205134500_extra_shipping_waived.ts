import { Migration } from '@mikro-orm/migrations';

export class Migration20261205134500_extra_shipping_waived extends Migration {

  override name = 'Migration20261205134500_extra_shipping_waived';

  override up(): void | Promise<void> {
    // Logistics' logistics.shipment.extra-waived: the customer is told the store covers the parcel's extra postage.
    this.addSql(`alter table "notifications"."message" drop constraint "message_kind_known";`);
    this.addSql(`alter table "notifications"."message" add constraint "message_kind_known" check (kind in ('WELCOME', 'ORDER_CONFIRMED', 'PAYMENT_DUE', 'CARD_CHARGE_SCHEDULED', 'PAYMENT_FAILED', 'ORDER_CANCELLED', 'ORDER_EXPIRED', 'CANCELLATION_OFFERED', 'ORDER_SHIPPED', 'ORDER_DELIVERED', 'RELEASE_DATE_CHANGED', 'SPEC_CHANGED', 'PRODUCT_ARRIVED', 'REFUND_ISSUED', 'SHIPPING_QUOTED', 'SHIPMENT_DISPATCHED', 'EXTRA_SHIPPING_WAIVED', 'CLAIM_SUBMITTED', 'CLAIM_DECIDED', 'CLAIM_OFFERED', 'CLAIM_EVIDENCE_REQUESTED', 'CLAIM_REFUSED', 'CLAIM_RESOLVED', 'RETURN_RECEIVED', 'RETURN_REQUESTED', 'PASSWORD_RESET_REQUESTED', 'EMAIL_VERIFICATION_REQUESTED', 'EMAIL_CHANGE_REQUESTED', 'PASSWORD_CHANGED', 'SIGN_UP_REPEATED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`delete from "notifications"."delivery_attempt" where "message_id" in (select "id" from "notifications"."message" where "kind" = 'EXTRA_SHIPPING_WAIVED');`);
    this.addSql(`delete from "notifications"."message" where "kind" = 'EXTRA_SHIPPING_WAIVED';`);
    this.addSql(`alter table "notifications"."message" drop constraint "message_kind_known";`);
    this.addSql(`alter table "notifications"."message" add constraint "message_kind_known" check (kind in ('WELCOME', 'ORDER_CONFIRMED', 'PAYMENT_DUE', 'CARD_CHARGE_SCHEDULED', 'PAYMENT_FAILED', 'ORDER_CANCELLED', 'ORDER_EXPIRED', 'CANCELLATION_OFFERED', 'ORDER_SHIPPED', 'ORDER_DELIVERED', 'RELEASE_DATE_CHANGED', 'SPEC_CHANGED', 'PRODUCT_ARRIVED', 'REFUND_ISSUED', 'SHIPPING_QUOTED', 'SHIPMENT_DISPATCHED', 'CLAIM_SUBMITTED', 'CLAIM_DECIDED', 'CLAIM_OFFERED', 'CLAIM_EVIDENCE_REQUESTED', 'CLAIM_REFUSED', 'CLAIM_RESOLVED', 'RETURN_RECEIVED', 'RETURN_REQUESTED', 'PASSWORD_RESET_REQUESTED', 'EMAIL_VERIFICATION_REQUESTED', 'EMAIL_CHANGE_REQUESTED', 'PASSWORD_CHANGED', 'SIGN_UP_REPEATED'));`);
  }

}
