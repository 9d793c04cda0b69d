import { Migration } from '@mikro-orm/migrations';

export class Migration20261204190000_preference_returns extends Migration {

  override name = 'Migration20261204190000_preference_returns';

  override up(): void | Promise<void> {
    this.addSql(`create table "aftersales"."preference_return" ("id" uuid not null, "order_id" uuid not null, "product_id" uuid not null, "customer_id" uuid not null, "policy_version" int not null, "status" varchar(16) not null, "reason" varchar(1000) null, "quoted_refund" int not null, "restocking_fee" int not null, "currency" varchar(3) not null, "return_postage" varchar(16) not null, "rule" jsonb not null, "requested_at" timestamptz(3) not null, "condition" varchar(24) null, "refund_amount" int null, "inspection_rule" jsonb null, "received_by" uuid null, "received_at" timestamptz(3) null, "staff_note" varchar(1000) null, "version" int not null default 1, primary key ("id"));`);
    this.addSql(`create index "preference_return_customer_id_index" on "aftersales"."preference_return" ("customer_id");`);
    this.addSql(`create index "preference_return_status_index" on "aftersales"."preference_return" ("status");`);
    // One return per order line: a retry finds the first.
    this.addSql(`alter table "aftersales"."preference_return" add constraint "preference_return_line_unique" unique ("order_id", "product_id");`);
    this.addSql(`alter table "aftersales"."preference_return" add constraint "preference_return_status_known" check ("status" in ('REQUESTED', 'REFUNDED', 'REJECTED'));`);
    this.addSql(`alter table "aftersales"."preference_return" add constraint "preference_return_amounts_not_negative" check ("quoted_refund" >= 0 and "restocking_fee" >= 0 and ("refund_amount" is null or "refund_amount" >= 0));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "aftersales"."preference_return" cascade;`);
  }

}
