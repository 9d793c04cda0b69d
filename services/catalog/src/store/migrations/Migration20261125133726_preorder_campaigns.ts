import { Migration } from '@mikro-orm/migrations';

export class Migration20261125133726_preorder_campaigns extends Migration {

  override name = 'Migration20261125133726_preorder_campaigns';

  override up(): void | Promise<void> {
    this.addSql(`create table "catalog"."preorder_campaign" ("product_id" uuid not null, "state" varchar(16) not null, "opens_at" timestamptz not null, "closes_at" timestamptz null, "payment_plan_kind" varchar(24) null, "deposit_percent" int null, "full_payment_allowed" boolean not null default false, "limited_quantity" int null, "closed_at" timestamptz null, "close_reason" varchar(24) null, "close_note" varchar(500) null, "scheduled_by" uuid null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("product_id"));`);

    this.addSql(`alter table "catalog"."preorder_campaign" add constraint "preorder_campaign_window_ordered" check (closes_at is null or closes_at > opens_at);`);
    this.addSql(`alter table "catalog"."preorder_campaign" add constraint "preorder_campaign_deposit_range" check (deposit_percent is null or (deposit_percent >= 1 and deposit_percent <= 99));`);
    this.addSql(`alter table "catalog"."preorder_campaign" add constraint "preorder_campaign_limit_positive" check (limited_quantity is null or limited_quantity > 0);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "catalog"."preorder_campaign" cascade;`);
  }

}
