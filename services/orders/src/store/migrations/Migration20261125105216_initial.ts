import { Migration } from '@mikro-orm/migrations';

export class Migration20261125105216_initial extends Migration {

  override name = 'Migration20261125105216_initial';

  override up(): void | Promise<void> {
    this.addSql(`create schema if not exists "orders";`);

    this.addSql(`create table "orders"."known_product" ("id" uuid not null, "sku" varchar(64) not null, "name" varchar(200) not null, "price_amount" int not null, "price_currency" varchar(3) not null, "updated_at" timestamptz not null, primary key ("id"));`);

    this.addSql(`create table "orders"."customer_order" ("id" uuid not null, "customer_id" uuid null, "status" varchar(32) not null, "status_reason" varchar(255) null, "total_amount" int not null, "currency" varchar(3) not null, "idempotency_key" varchar(200) not null, "request_fingerprint" varchar(64) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "customer_order_customer_id_index" on "orders"."customer_order" ("customer_id");`);
    this.addSql(`alter table "orders"."customer_order" add constraint "customer_order_idempotency_key_unique" unique ("idempotency_key");`);

    this.addSql(`create table "orders"."order_line" ("id" uuid not null, "order_id" uuid not null, "position" int not null, "product_id" uuid not null, "quantity" int not null, "unit_price_amount" int not null, primary key ("id"));`);

    this.addSql(`alter table "orders"."order_line" add constraint "order_line_order_id_foreign" foreign key ("order_id") references "orders"."customer_order" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "orders"."order_line" drop constraint "order_line_order_id_foreign";`);
    this.addSql(`drop table if exists "orders"."known_product" cascade;`);
    this.addSql(`drop table if exists "orders"."customer_order" cascade;`);
    this.addSql(`drop table if exists "orders"."order_line" cascade;`);

    this.addSql(`drop schema if exists "orders";`);
  }

}
