import { Migration } from '@mikro-orm/migrations';

export class Migration20261205000000_account_mail extends Migration {

  override name = 'Migration20261205000000_account_mail';

  override up(): void | Promise<void> {
    // Accounts' own mail (accounts.mail.v1): reset, verification and email-change links, and the security notices.
    this.addSql(`alter table "notifications"."message" drop constraint "message_kind_known";`);
    this.addSql(`alter table "notifications"."message" add constraint "message_kind_known" check (kind in ('WELCOME', 'ORDER_CONFIRMED', 'PAYMENT_DUE', 'CARD_CHARGE_SCHEDULED', 'PAYMENT_FAILED', 'ORDER_CANCELLED', 'ORDER_EXPIRED', 'CANCELLATION_OFFERED', 'ORDER_SHIPPED', 'ORDER_DELIVERED', 'RELEASE_DATE_CHANGED', 'SPEC_CHANGED', 'PRODUCT_ARRIVED', 'REFUND_ISSUED', 'SHIPPING_QUOTED', 'SHIPMENT_DISPATCHED', 'CLAIM_SUBMITTED', 'CLAIM_DECIDED', 'CLAIM_OFFERED', 'CLAIM_EVIDENCE_REQUESTED', 'CLAIM_REFUSED', 'CLAIM_RESOLVED', 'RETURN_RECEIVED', 'RETURN_REQUESTED', 'PASSWORD_RESET_REQUESTED', 'EMAIL_VERIFICATION_REQUESTED', 'EMAIL_CHANGE_REQUESTED', 'PASSWORD_CHANGED', 'SIGN_UP_REPEATED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`delete from "notifications"."delivery_attempt" where "message_id" in (select "id" from "notifications"."message" where "kind" in ('PASSWORD_RESET_REQUESTED', 'EMAIL_VERIFICATION_REQUESTED', 'EMAIL_CHANGE_REQUESTED', 'PASSWORD_CHANGED', 'SIGN_UP_REPEATED'));`);
    this.addSql(`delete from "notifications"."message" where "kind" in ('PASSWORD_RESET_REQUESTED', 'EMAIL_VERIFICATION_REQUESTED', 'EMAIL_CHANGE_REQUESTED', 'PASSWORD_CHANGED', 'SIGN_UP_REPEATED');`);
    this.addSql(`alter table "notifications"."message" drop constraint "message_kind_known";`);
    this.addSql(`alter table "notifications"."message" add constraint "message_kind_known" check (kind in ('WELCOME', 'ORDER_CONFIRMED', 'PAYMENT_DUE', 'CARD_CHARGE_SCHEDULED', 'PAYMENT_FAILED', 'ORDER_CANCELLED', 'ORDER_EXPIRED', 'CANCELLATION_OFFERED', 'ORDER_SHIPPED', 'ORDER_DELIVERED', 'RELEASE_DATE_CHANGED', 'SPEC_CHANGED', 'PRODUCT_ARRIVED', 'REFUND_ISSUED', 'SHIPPING_QUOTED', 'SHIPMENT_DISPATCHED', 'CLAIM_SUBMITTED', 'CLAIM_DECIDED', 'CLAIM_OFFERED', 'CLAIM_EVIDENCE_REQUESTED', 'CLAIM_REFUSED', 'CLAIM_RESOLVED', 'RETURN_RECEIVED', 'RETURN_REQUESTED'));`);
  }

}
