import { Migration } from '@mikro-orm/migrations';

export class Migration20261203235115_order_lifecycle extends Migration {

  override name = 'Migration20261203235115_order_lifecycle';

  override up(): void | Promise<void> {
    this.addSql(`create table "orders"."checkout" ("id" uuid not null, "customer_id" uuid not null, "idempotency_key" varchar(200) not null, "request_fingerprint" varchar(64) not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "orders"."checkout" add constraint "checkout_customer_id_idempotency_key_unique" unique ("customer_id", "idempotency_key");`);

    this.addSql(`create table "orders"."known_payment_method" ("id" uuid not null, "customer_id" uuid not null, "label" varchar(80) not null, "removed" boolean not null default false, primary key ("id"));`);
    this.addSql(`create index "known_payment_method_customer_id_index" on "orders"."known_payment_method" ("customer_id");`);

    this.addSql(`create table "orders"."order_due" ("id" uuid not null, "order_id" uuid not null, "purpose" varchar(24) not null, "goods_amount" int not null, "shipping_amount" int not null, "due_at" timestamptz(3) null, "collect" varchar(16) not null, "status" varchar(8) not null, "rule_text" varchar(500) null, "paid_at" timestamptz(3) null, "payment_id" uuid null, "last_failure" varchar(300) null, "created_at" timestamptz(3) not null, primary key ("id"));`);
    this.addSql(`create unique index "order_due_one_live_per_purpose" on "orders"."order_due" ("order_id", "purpose") where status <> 'VOID';`);

    this.addSql(`create table "orders"."shipping_rate_card" ("version" int not null, "currency" varchar(3) not null, "methods" jsonb not null, "published_at" timestamptz(3) not null, primary key ("version"));`);

    this.addSql(`create table "orders"."store_policy_version" ("version" int not null, "policy_id" varchar(80) not null, "document" jsonb not null, "preset" varchar(40) null, "note" varchar(500) null, "published_by" uuid null, "published_at" timestamptz(3) not null, primary key ("version"));`);

    this.addSql(`alter table "orders"."known_product" add "down_payment_amount" int null, add "plan_kind" varchar(16) null, add "deposit_percent" int null, add "full_payment_allowed" boolean not null default false;`);

    this.addSql(`alter table "orders"."customer_order" add "checkout_id" uuid null, add "kind" varchar(16) not null default 'IN_STOCK', add "payment_plan" varchar(16) not null default 'IN_STOCK', add "policy_version" int not null default 1, add "deposit_amount" int not null default 0, add "down_payment_amount" int not null default 0, add "shipping_estimate_amount" int not null default 0, add "shipping_method" varchar(40) null, add "shipping_rate_version" int null, add "shipping_address" jsonb null, add "customer_country" varchar(2) null, add "payment_method_id" uuid null, add "placed_at" timestamptz(3) null, add "first_paid_at" timestamptz(3) null, add "released_at" timestamptz(3) null, add "arrived_at_warehouse_at" timestamptz(3) null, add "shipping_date_confirmed_at" timestamptz(3) null, add "processed_at" timestamptz(3) null, add "shipped_at" timestamptz(3) null, add "delivered_at" timestamptz(3) null, add "tracking_number" varchar(80) null, add "cancellation_right" jsonb null, add "cancellation_requested_at" timestamptz(3) null, add "pay_at_order" jsonb null, add "outcome" jsonb null;`);
    // Orders placed before checkout existed: in-stock terms under the first policy version (published at start), placed when created;
    // each keeps its idempotency key as a checkout of its own; "units held" (CONFIRMED) now means awaiting its payment.
    this.addSql(`update "orders"."customer_order" set "placed_at" = "created_at";`);
    this.addSql(`alter table "orders"."customer_order" alter column "placed_at" set not null, alter column "kind" drop default, alter column "payment_plan" drop default, alter column "policy_version" drop default;`);
    this.addSql(`insert into "orders"."checkout" ("id", "customer_id", "idempotency_key", "request_fingerprint", "created_at") select "id", "customer_id", "idempotency_key", "request_fingerprint", "created_at" from "orders"."customer_order" where "customer_id" is not null;`);
    this.addSql(`update "orders"."customer_order" set "checkout_id" = "id" where "customer_id" is not null;`);
    this.addSql(`update "orders"."customer_order" set "status" = 'AWAITING_PAYMENT' where "status" = 'CONFIRMED';`);
    this.addSql(`alter table "orders"."customer_order" drop constraint "customer_order_customer_id_idempotency_key_unique";`);
    this.addSql(`alter table "orders"."customer_order" drop column "idempotency_key", drop column "request_fingerprint";`);
    this.addSql(`create index "customer_order_checkout_id_index" on "orders"."customer_order" ("checkout_id");`);
    this.addSql(`create index "customer_order_status_placed_at_index" on "orders"."customer_order" ("status", "placed_at");`);
    this.addSql(`alter table "orders"."customer_order" add constraint "customer_order_status_known" check (status in ('PENDING', 'REJECTED', 'AWAITING_PAYMENT', 'SECURED', 'PAYMENT_DUE', 'READY_TO_FULFIL', 'IN_FULFILMENT', 'SHIPPED', 'DELIVERED', 'COMPLETED', 'CANCELLED', 'EXPIRED'));`);
    this.addSql(`alter table "orders"."customer_order" add constraint "customer_order_kind_known" check (kind in ('PREORDER', 'IN_STOCK'));`);
    this.addSql(`alter table "orders"."customer_order" add constraint "customer_order_payment_plan_known" check (payment_plan in ('DEPOSIT', 'FULL_PAYMENT', 'PAY_ON_ARRIVAL', 'CHARGE_AT_SHIP', 'IN_STOCK'));`);
    this.addSql(`alter table "orders"."customer_order" add constraint "customer_order_amounts_valid" check (total_amount >= 0 and deposit_amount >= 0 and shipping_estimate_amount >= 0 and down_payment_amount >= 0 and down_payment_amount <= total_amount);`);

    this.addSql(`alter table "orders"."order_line" add "unit_down_payment_amount" int not null default 0;`);
    this.addSql(`create index "order_line_product_id_index" on "orders"."order_line" ("product_id");`);

    this.addSql(`alter table "orders"."order_due" add constraint "order_due_order_id_foreign" foreign key ("order_id") references "orders"."customer_order" ("id") on delete cascade;`);
    this.addSql(`alter table "orders"."order_due" add constraint "order_due_status_known" check (status in ('OPEN', 'PAID', 'VOID'));`);
    this.addSql(`alter table "orders"."order_due" add constraint "order_due_purpose_known" check (purpose in ('DEPOSIT', 'FULL_PAYMENT', 'DOWN_PAYMENT', 'BALANCE', 'ARRIVAL_PAYMENT', 'CHARGE_AT_SHIP', 'EXTRA_SHIPPING'));`);
    this.addSql(`alter table "orders"."order_due" add constraint "order_due_amount_positive" check (goods_amount >= 0 and shipping_amount >= 0 and goods_amount + shipping_amount > 0);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "orders"."checkout" cascade;`);
    this.addSql(`drop table if exists "orders"."known_payment_method" cascade;`);
    this.addSql(`drop table if exists "orders"."order_due" cascade;`);
    this.addSql(`drop table if exists "orders"."shipping_rate_card" cascade;`);
    this.addSql(`drop table if exists "orders"."store_policy_version" cascade;`);

    this.addSql(`drop index "orders"."customer_order_checkout_id_index";`);
    this.addSql(`drop index "orders"."customer_order_status_placed_at_index";`);
    this.addSql(`alter table "orders"."customer_order" drop constraint "customer_order_status_known";`);
    this.addSql(`alter table "orders"."customer_order" drop constraint "customer_order_kind_known";`);
    this.addSql(`alter table "orders"."customer_order" drop constraint "customer_order_payment_plan_known";`);
    this.addSql(`alter table "orders"."customer_order" drop constraint "customer_order_amounts_valid";`);
    this.addSql(`alter table "orders"."customer_order" drop column "checkout_id", drop column "kind", drop column "payment_plan", drop column "policy_version", drop column "deposit_amount", drop column "down_payment_amount", drop column "shipping_estimate_amount", drop column "shipping_method", drop column "shipping_rate_version", drop column "shipping_address", drop column "customer_country", drop column "payment_method_id", drop column "placed_at", drop column "first_paid_at", drop column "released_at", drop column "arrived_at_warehouse_at", drop column "shipping_date_confirmed_at", drop column "processed_at", drop column "shipped_at", drop column "delivered_at", drop column "tracking_number", drop column "cancellation_right", drop column "cancellation_requested_at", drop column "pay_at_order", drop column "outcome";`);
    this.addSql(`alter table "orders"."customer_order" add "idempotency_key" varchar(200) not null, add "request_fingerprint" varchar(64) not null;`);
    this.addSql(`alter table "orders"."customer_order" add constraint "customer_order_customer_id_idempotency_key_unique" unique ("customer_id", "idempotency_key");`);

    this.addSql(`alter table "orders"."known_product" drop column "down_payment_amount", drop column "plan_kind", drop column "deposit_percent", drop column "full_payment_allowed";`);

    this.addSql(`drop index "orders"."order_line_product_id_index";`);
    this.addSql(`alter table "orders"."order_line" drop column "unit_down_payment_amount";`);
  }

}
