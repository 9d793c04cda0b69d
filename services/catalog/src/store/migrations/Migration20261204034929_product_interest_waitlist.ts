import { Migration } from '@mikro-orm/migrations';

export class Migration20261204034929_product_interest_waitlist extends Migration {

  override name = 'Migration20261204034929_product_interest_waitlist';

  override up(): void | Promise<void> {
    this.addSql(`create table "catalog"."catalog_setting" ("id" int not null, "waitlist_offer_hours" int not null, "updated_at" timestamptz not null, "updated_by" uuid null, primary key ("id"));`);

    this.addSql(`create table "catalog"."product_interest" ("id" uuid not null, "customer_id" uuid not null, "product_id" uuid not null, "kind" varchar(16) not null, "quantity" int not null, "state" varchar(16) not null, "requested_at" timestamptz not null, "settled_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "product_interest_queue" on "catalog"."product_interest" ("product_id", "kind", "state", "requested_at");`);
    this.addSql(`create index "product_interest_customer" on "catalog"."product_interest" ("customer_id", "requested_at");`);
    this.addSql(`create unique index "product_interest_one_active" on "catalog"."product_interest" ("customer_id", "product_id", "kind") where state in ('WAITING', 'OFFERED');`);

    this.addSql(`create table "catalog"."waitlist_offer" ("id" uuid not null, "interest_id" uuid not null, "customer_id" uuid not null, "product_id" uuid not null, "quantity" int not null, "state" varchar(16) not null, "offered_at" timestamptz not null, "expires_at" timestamptz not null, "order_id" uuid null, "settled_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "waitlist_offer_interest_id_index" on "catalog"."waitlist_offer" ("interest_id");`);
    this.addSql(`create index "waitlist_offer_open" on "catalog"."waitlist_offer" ("product_id", "customer_id", "state");`);
    this.addSql(`create unique index "waitlist_offer_one_open" on "catalog"."waitlist_offer" ("interest_id") where state = 'OPEN';`);

    this.addSql(`alter table "catalog"."catalog_setting" add constraint "catalog_setting_single_row" check (id = 1);`);
    this.addSql(`alter table "catalog"."catalog_setting" add constraint "catalog_setting_waitlist_offer_hours_range" check (waitlist_offer_hours between 1 and 720);`);
    // The store's starting value (staff change it with setWaitlistOfferHours): two days to order units held from a waitlist.
    this.addSql(`insert into "catalog"."catalog_setting" ("id", "waitlist_offer_hours", "updated_at", "updated_by") values (1, 48, now(), null);`);

    this.addSql(`alter table "catalog"."product_interest" add constraint "product_interest_kind_known" check (kind in ('NOTIFY', 'WAITLIST'));`);
    this.addSql(`alter table "catalog"."product_interest" add constraint "product_interest_state_known" check (state in ('WAITING', 'OFFERED', 'NOTIFIED', 'FULFILLED', 'LAPSED', 'WITHDRAWN'));`);
    this.addSql(`alter table "catalog"."product_interest" add constraint "product_interest_quantity_positive" check (quantity > 0);`);

    this.addSql(`alter table "catalog"."waitlist_offer" add constraint "waitlist_offer_state_known" check (state in ('OPEN', 'TAKEN', 'EXPIRED', 'WITHDRAWN'));`);
    this.addSql(`alter table "catalog"."waitlist_offer" add constraint "waitlist_offer_quantity_positive" check (quantity > 0);`);
    this.addSql(`alter table "catalog"."waitlist_offer" add constraint "waitlist_offer_expires_after_offer" check (expires_at > offered_at);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "catalog"."catalog_setting" cascade;`);
    this.addSql(`drop table if exists "catalog"."product_interest" cascade;`);
    this.addSql(`drop table if exists "catalog"."waitlist_offer" cascade;`);
  }

}
