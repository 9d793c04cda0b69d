import { Migration } from '@mikro-orm/migrations';

export class Migration20261125133029_stock_ledger extends Migration {

  override name = 'Migration20261125133029_stock_ledger';

  override up(): void | Promise<void> {
    this.addSql(`create table "catalog"."preorder_allocation" ("product_id" uuid not null, "limit_quantity" int null, "reserved" int not null, primary key ("product_id"));`);

    this.addSql(`create table "catalog"."stock_movement" ("id" bigserial primary key, "product_id" uuid not null, "warehouse_id" uuid null, "kind" varchar(16) not null, "quantity" int not null, "order_id" uuid null, "reason" varchar(500) null, "actor" uuid null, "at" timestamptz not null);`);
    this.addSql(`create index "stock_movement_product_id_warehouse_id_index" on "catalog"."stock_movement" ("product_id", "warehouse_id");`);

    this.addSql(`create table "catalog"."warehouse" ("id" uuid not null, "code" varchar(16) not null, "name" varchar(120) not null, "country" varchar(2) not null, "held_by_factory" boolean not null, "allocation_priority" int not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "catalog"."warehouse" add constraint "warehouse_code_unique" unique ("code");`);

    this.addSql(`create table "catalog"."warehouse_stock" ("product_id" uuid not null, "warehouse_id" uuid not null, "on_hand" int not null, "reserved" int not null, primary key ("product_id", "warehouse_id"));`);

    this.addSql(`alter table "catalog"."product" drop constraint "product_stock_not_negative";`);
    this.addSql(`alter table "catalog"."product" drop column "stock";`);

    this.addSql(`alter table "catalog"."stock_reservation" drop constraint "stock_reservation_pkey";`);
    // Hand-edited: rows reserved before this migration get an id and stay RESERVED (defaults dropped right after).
    this.addSql(`alter table "catalog"."stock_reservation" add "id" uuid not null default gen_random_uuid(), add "warehouse_id" uuid null, add "state" varchar(16) not null default 'RESERVED', add "settled_at" timestamptz null;`);
    this.addSql(`alter table "catalog"."stock_reservation" alter column "id" drop default, alter column "state" drop default;`);
    this.addSql(`create index "stock_reservation_order_id_index" on "catalog"."stock_reservation" ("order_id");`);
    this.addSql(`create index "stock_reservation_product_id_state_index" on "catalog"."stock_reservation" ("product_id", "state");`);
    this.addSql(`alter table "catalog"."stock_reservation" add primary key ("id");`);
    this.addSql(`alter table "catalog"."stock_reservation" add constraint "stock_reservation_quantity_positive" check (quantity > 0);`);
    this.addSql(`alter table "catalog"."stock_reservation" add constraint "stock_reservation_state_known" check (state in ('RESERVED', 'RELEASED', 'COMMITTED'));`);

    this.addSql(`alter table "catalog"."preorder_allocation" add constraint "preorder_allocation_reserved_not_negative" check (reserved >= 0);`);
    this.addSql(`alter table "catalog"."preorder_allocation" add constraint "preorder_allocation_within_limit" check (limit_quantity is null or reserved <= limit_quantity);`);

    this.addSql(`alter table "catalog"."stock_movement" add constraint "stock_movement_kind_known" check (kind in ('RECEIVED', 'RESERVED', 'RELEASED', 'SHIPPED', 'ADJUSTED'));`);
    this.addSql(`alter table "catalog"."stock_movement" add constraint "stock_movement_sign" check ((kind in ('RECEIVED', 'RESERVED') and quantity > 0) or (kind in ('RELEASED', 'SHIPPED') and quantity < 0) or (kind = 'ADJUSTED' and quantity <> 0));`);

    this.addSql(`alter table "catalog"."warehouse_stock" add constraint "warehouse_stock_reserved_not_negative" check (reserved >= 0);`);
    this.addSql(`alter table "catalog"."warehouse_stock" add constraint "warehouse_stock_reserved_within_on_hand" check (reserved <= on_hand);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "catalog"."preorder_allocation" cascade;`);
    this.addSql(`drop table if exists "catalog"."stock_movement" cascade;`);
    this.addSql(`drop table if exists "catalog"."warehouse" cascade;`);
    this.addSql(`drop table if exists "catalog"."warehouse_stock" cascade;`);

    this.addSql(`alter table "catalog"."product" add "stock" int4 not null;`);
    this.addSql(`alter table "catalog"."product" add constraint "product_stock_not_negative" check (stock >= 0);`);

    this.addSql(`drop index "catalog"."stock_reservation_order_id_index";`);
    this.addSql(`drop index "catalog"."stock_reservation_product_id_state_index";`);
    this.addSql(`alter table "catalog"."stock_reservation" drop constraint "stock_reservation_pkey";`);
    this.addSql(`alter table "catalog"."stock_reservation" drop constraint "stock_reservation_quantity_positive";`);
    this.addSql(`alter table "catalog"."stock_reservation" drop constraint "stock_reservation_state_known";`);
    this.addSql(`alter table "catalog"."stock_reservation" drop column "id", drop column "warehouse_id", drop column "state", drop column "settled_at";`);
    this.addSql(`alter table "catalog"."stock_reservation" add primary key ("order_id", "product_id");`);
  }

}
