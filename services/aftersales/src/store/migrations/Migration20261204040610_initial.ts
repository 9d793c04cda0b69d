import { Migration } from '@mikro-orm/migrations';

export class Migration20261204040610_initial extends Migration {

  override name = 'Migration20261204040610_initial';

  override up(): void | Promise<void> {
    this.addSql(`create schema if not exists "aftersales";`);
    this.addSql(`create table "aftersales"."claim" ("id" uuid not null, "order_id" uuid not null, "product_id" uuid not null, "customer_id" uuid not null, "kind" varchar(40) not null, "severity" varchar(16) not null, "description" varchar(2000) not null, "parts" jsonb not null, "status" varchar(16) not null, "policy_version" int not null, "created_at" timestamptz(3) not null, "submitted_at" timestamptz(3) null, "resolution" varchar(24) null, "graded_parts" jsonb null, "refund_amount" int null, "currency" varchar(3) not null, "decided_by" uuid null, "decided_at" timestamptz(3) null, "staff_note" varchar(1000) null, "version" int not null default 1, primary key ("id"));`);
    this.addSql(`create index "claim_order_id_index" on "aftersales"."claim" ("order_id");`);
    this.addSql(`create index "claim_customer_id_index" on "aftersales"."claim" ("customer_id");`);
    this.addSql(`create index "claim_status_index" on "aftersales"."claim" ("status");`);
    this.addSql(`alter table "aftersales"."claim" add constraint "claim_status_known" check ("status" in ('DRAFT', 'SUBMITTED', 'DECIDED', 'REFUSED'));`);
    this.addSql(`alter table "aftersales"."claim" add constraint "claim_refund_not_negative" check ("refund_amount" is null or "refund_amount" >= 0);`);

    this.addSql(`create table "aftersales"."claimable_line" ("order_id" uuid not null, "product_id" uuid not null, "quantity" int not null, "unit_price_amount" int not null, "currency" varchar(3) not null, "status_when_ordered" varchar(32) null, "released_at" timestamptz(3) null, primary key ("order_id", "product_id"));`);

    this.addSql(`create table "aftersales"."claimable_order" ("id" uuid not null, "customer_id" uuid not null, "kind" varchar(16) not null, "policy_version" int not null, "ordered_at" timestamptz(3) not null, "delivered_at" timestamptz(3) null, primary key ("id"));`);
    this.addSql(`create index "claimable_order_customer_id_index" on "aftersales"."claimable_order" ("customer_id");`);

    this.addSql(`create table "aftersales"."evidence" ("id" uuid not null, "claim_id" uuid not null, "object_key" varchar(200) not null, "kind" varchar(8) not null, "content_type" varchar(60) not null, "size_bytes" bigint not null, "status" varchar(16) not null, "upload_expires_at" timestamptz(3) not null, "created_at" timestamptz(3) not null, "confirmed_at" timestamptz(3) null, primary key ("id"));`);
    this.addSql(`create index "evidence_claim_id_index" on "aftersales"."evidence" ("claim_id");`);
    this.addSql(`alter table "aftersales"."evidence" add constraint "evidence_size_positive" check ("size_bytes" > 0);`);
    this.addSql(`alter table "aftersales"."evidence" add constraint "evidence_object_key_unique" unique ("object_key");`);

    this.addSql(`create table "aftersales"."known_product" ("id" uuid not null, "status" varchar(32) null, "released_at" timestamptz(3) null, primary key ("id"));`);

    this.addSql(`create table "aftersales"."policy_version" ("version" int not null, "document" jsonb not null, "published_at" timestamptz(3) not null, primary key ("version"));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "aftersales"."claim" cascade;`);
    this.addSql(`drop table if exists "aftersales"."claimable_line" cascade;`);
    this.addSql(`drop table if exists "aftersales"."claimable_order" cascade;`);
    this.addSql(`drop table if exists "aftersales"."evidence" cascade;`);
    this.addSql(`drop table if exists "aftersales"."known_product" cascade;`);
    this.addSql(`drop table if exists "aftersales"."policy_version" cascade;`);
  }

}
