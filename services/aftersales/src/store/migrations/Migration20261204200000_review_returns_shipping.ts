import { Migration } from '@mikro-orm/migrations';

export class Migration20261204200000_review_returns_shipping extends Migration {

  override name = 'Migration20261204200000_review_returns_shipping';

  override up(): void | Promise<void> {
    // Staff take a claim into review (UNDER_REVIEW); a claim's return records the condition it came back in.
    this.addSql(`alter table "aftersales"."claim" drop constraint "claim_status_known";`);
    this.addSql(`alter table "aftersales"."claim" add "reviewed_by" uuid null, add "review_started_at" timestamptz(3) null, add "return_condition" varchar(24) null;`);
    this.addSql(`alter table "aftersales"."claim" add constraint "claim_status_known" check ("status" in ('DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'NEEDS_MORE_EVIDENCE', 'DECIDED', 'RESOLVING', 'CLOSED', 'REFUSED'));`);
    // The staff queue: oldest submission first within the statuses asked for.
    this.addSql(`create index "claim_status_submitted_at_index" on "aftersales"."claim" ("status", "submitted_at");`);
    // A return's share of the order's shipping (policies that refund it); returns quoted before never included any.
    this.addSql(`alter table "aftersales"."preference_return" add "shipping_refund" int not null default 0;`);
    this.addSql(`alter table "aftersales"."preference_return" alter column "shipping_refund" drop default;`);
    this.addSql(`alter table "aftersales"."preference_return" add constraint "preference_return_shipping_refund_within_quote" check ("shipping_refund" >= 0 and "shipping_refund" <= "quoted_refund");`);
    this.addSql(`alter table "aftersales"."claimable_order" add "shipping_paid_amount" int null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "aftersales"."claimable_order" drop column "shipping_paid_amount";`);
    this.addSql(`alter table "aftersales"."preference_return" drop constraint "preference_return_shipping_refund_within_quote";`);
    this.addSql(`alter table "aftersales"."preference_return" drop column "shipping_refund";`);
    this.addSql(`drop index "aftersales"."claim_status_submitted_at_index";`);
    this.addSql(`alter table "aftersales"."claim" drop constraint "claim_status_known";`);
    this.addSql(`update "aftersales"."claim" set "status" = 'SUBMITTED' where "status" = 'UNDER_REVIEW';`);
    this.addSql(`alter table "aftersales"."claim" drop column "reviewed_by", drop column "review_started_at", drop column "return_condition";`);
    this.addSql(`alter table "aftersales"."claim" add constraint "claim_status_known" check ("status" in ('DRAFT', 'SUBMITTED', 'NEEDS_MORE_EVIDENCE', 'DECIDED', 'RESOLVING', 'CLOSED', 'REFUSED'));`);
  }

}
