import { Migration } from '@mikro-orm/migrations';

export class Migration20261204034927_initial extends Migration {

  override name = 'Migration20261204034927_initial';

  override up(): void | Promise<void> {
    this.addSql(`create table "logistics"."known_order" ("order_id" uuid not null, "customer_id" uuid null, "kind" varchar(16) null, "policy_version" int null, "units" jsonb null, "currency" varchar(3) null, "paid_amount" int not null default 0, primary key ("order_id"));`);

    this.addSql(`create table "logistics"."known_policy" ("version" int not null, "document" jsonb not null, primary key ("version"));`);

    this.addSql(`create table "logistics"."known_product" ("product_id" uuid not null, "sku" varchar(64) not null, "weight_grams" int null, "length_mm" int null, "width_mm" int null, "height_mm" int null, primary key ("product_id"));`);

    this.addSql(`create table "logistics"."known_warehouse" ("warehouse_id" uuid not null, "code" varchar(16) not null, "name" varchar(120) not null, "country" varchar(2) not null, primary key ("warehouse_id"));`);
    this.addSql(`alter table "logistics"."known_warehouse" add constraint "known_warehouse_code_unique" unique ("code");`);

    this.addSql(`create table "logistics"."rate_table_version" ("version" int not null, "document" jsonb not null, "note" varchar(500) null, "published_by" uuid null, "published_at" timestamptz(3) not null, primary key ("version"));`);

    this.addSql(`create table "logistics"."shipment" ("id" uuid not null, "customer_id" uuid not null, "status" varchar(24) not null, "warehouse_id" uuid null, "address" jsonb null, "method" varchar(40) null, "currency" varchar(3) not null, "policy_version" int null, "handover_by" timestamptz(3) null, "late_since" timestamptz(3) null, "opened_at" timestamptz(3) not null, "weight_grams" int null, "length_mm" int null, "width_mm" int null, "height_mm" int null, "chargeable_grams" int null, "final_cost" int null, "rate_table_version" int null, "quoted_at" timestamptz(3) null, "carrier" varchar(40) null, "tracking_number" varchar(80) null, "dispatched_at" timestamptz(3) null, "delivered_at" timestamptz(3) null, "returned_at" timestamptz(3) null, primary key ("id"));`);
    this.addSql(`create index "shipment_customer_id_index" on "logistics"."shipment" ("customer_id");`);
    this.addSql(`create index "shipment_status_handover_by_index" on "logistics"."shipment" ("status", "handover_by");`);

    this.addSql(`create table "logistics"."shipment_order" ("order_id" uuid not null, "shipment_id" uuid not null, "estimate_paid" int not null, "final_share" int null, "excess_refund" int not null default 0, "extra_due" int not null default 0, "invoice_id" uuid null, "invoice_paid_at" timestamptz(3) null, primary key ("order_id"));`);
    this.addSql(`create index "shipment_order_shipment_id_index" on "logistics"."shipment_order" ("shipment_id");`);
    this.addSql(`alter table "logistics"."shipment_order" add constraint "shipment_order_invoice_id_unique" unique ("invoice_id");`);

    this.addSql(`create table "logistics"."tracking_event" ("id" uuid not null, "shipment_id" uuid not null, "status" varchar(24) not null, "at" timestamptz(3) not null, "note" varchar(200) null, "recorded_by" uuid null, primary key ("id"));`);
    this.addSql(`create index "tracking_event_shipment_id_index" on "logistics"."tracking_event" ("shipment_id");`);

    this.addSql(`alter table "logistics"."known_order" add constraint "known_order_paid_not_negative" check (paid_amount >= 0);`);

    this.addSql(`alter table "logistics"."shipment" add constraint "shipment_status_known" check (status in ('OPEN', 'AWAITING_PAYMENT', 'READY', 'DISPATCHED', 'DELIVERED', 'RETURNED_TO_SENDER'));`);
    this.addSql(`alter table "logistics"."shipment" add constraint "shipment_parcel_positive" check (coalesce(weight_grams, 1) > 0 and coalesce(length_mm, 1) > 0 and coalesce(width_mm, 1) > 0 and coalesce(height_mm, 1) > 0);`);
    this.addSql(`alter table "logistics"."shipment" add constraint "shipment_final_cost_not_negative" check (coalesce(final_cost, 0) >= 0);`);
    this.addSql(`alter table "logistics"."shipment" add constraint "shipment_dispatched_has_tracking" check (status not in ('DISPATCHED', 'DELIVERED', 'RETURNED_TO_SENDER') or tracking_number is not null);`);

    this.addSql(`alter table "logistics"."shipment_order" add constraint "shipment_order_amounts_not_negative" check (estimate_paid >= 0 and coalesce(final_share, 0) >= 0 and excess_refund >= 0 and extra_due >= 0);`);

    this.addSql(`alter table "logistics"."tracking_event" add constraint "tracking_event_status_known" check (status in ('DISPATCHED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'RETURNED_TO_SENDER'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "logistics"."known_order" cascade;`);
    this.addSql(`drop table if exists "logistics"."known_policy" cascade;`);
    this.addSql(`drop table if exists "logistics"."known_product" cascade;`);
    this.addSql(`drop table if exists "logistics"."known_warehouse" cascade;`);
    this.addSql(`drop table if exists "logistics"."rate_table_version" cascade;`);
    this.addSql(`drop table if exists "logistics"."shipment" cascade;`);
    this.addSql(`drop table if exists "logistics"."shipment_order" cascade;`);
    this.addSql(`drop table if exists "logistics"."tracking_event" cascade;`);
  }

}
