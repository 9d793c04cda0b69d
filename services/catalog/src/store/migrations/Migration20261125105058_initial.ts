import { Migration } from '@mikro-orm/migrations';

export class Migration20261125105058_initial extends Migration {

  override name = 'Migration20261125105058_initial';

  override up(): void | Promise<void> {
    this.addSql(`create schema if not exists "catalog";`);

    this.addSql(`create table "catalog"."product" ("id" uuid not null, "sku" varchar(64) not null, "name" varchar(200) not null, "price_amount" int not null, "price_currency" varchar(3) not null, "stock" int not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "catalog"."product" add constraint "product_sku_unique" unique ("sku");`);
    this.addSql(`create index "product_created_at_id_index" on "catalog"."product" ("created_at", "id");`);

    this.addSql(`create table "catalog"."stock_reservation" ("order_id" uuid not null, "product_id" uuid not null, "quantity" int not null, "reserved_at" timestamptz not null, primary key ("order_id", "product_id"));`);

    this.addSql(`alter table "catalog"."product" add constraint "product_stock_not_negative" check (stock >= 0);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "catalog"."product" cascade;`);
    this.addSql(`drop table if exists "catalog"."stock_reservation" cascade;`);

    this.addSql(`drop schema if exists "catalog";`);
  }

}
