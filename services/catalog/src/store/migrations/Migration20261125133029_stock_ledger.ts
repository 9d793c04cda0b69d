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

    // Hand-edited: nothing counted before the ledger is lost. A preorder's
    // units become its pool (limit = units left + units held, reservations
    // stay on the pool); anyone else's go into a LEGACY warehouse (created
    // only when there is something to carry) with their reservations. Ledger
    // rows are written for both, so stock reconciles from the first day.
    const preorder = `p.status in ('ANNOUNCED', 'PREORDER', 'PREORDER_CLOSED')`;
    const held = `left join (select product_id, sum(quantity)::int as units from "catalog"."stock_reservation" group by product_id) r on r.product_id = p.id`;
    this.addSql(`insert into "catalog"."preorder_allocation" (product_id, limit_quantity, reserved)
      select p.id, p.stock + coalesce(r.units, 0), coalesce(r.units, 0) from "catalog"."product" p ${held}
       where ${preorder} and (p.stock > 0 or r.units > 0);`);
    this.addSql(`insert into "catalog"."stock_movement" (product_id, warehouse_id, kind, quantity, order_id, reason, at)
      select r.product_id, null, 'RESERVED', r.quantity, r.order_id, 'Preordered before the ledger.', r.reserved_at
        from "catalog"."stock_reservation" r join "catalog"."product" p on p.id = r.product_id where ${preorder};`);
    this.addSql(`insert into "catalog"."warehouse" (id, code, name, country, held_by_factory, allocation_priority, created_at)
      select gen_random_uuid(), 'LEGACY', 'Stock counted before warehouses', 'FR', false, 1000, now()
       where exists (select 1 from "catalog"."product" p ${held} where not ${preorder} and (p.stock > 0 or r.units > 0));`);
    this.addSql(`insert into "catalog"."warehouse_stock" (product_id, warehouse_id, on_hand, reserved)
      select p.id, w.id, p.stock + coalesce(r.units, 0), coalesce(r.units, 0)
        from "catalog"."product" p join "catalog"."warehouse" w on w.code = 'LEGACY' ${held}
       where not ${preorder} and (p.stock > 0 or r.units > 0);`);
    this.addSql(`insert into "catalog"."stock_movement" (product_id, warehouse_id, kind, quantity, reason, at)
      select ws.product_id, ws.warehouse_id, 'RECEIVED', ws.on_hand, 'Stock counted before warehouses.', now()
        from "catalog"."warehouse_stock" ws join "catalog"."warehouse" w on w.id = ws.warehouse_id and w.code = 'LEGACY';`);
    this.addSql(`insert into "catalog"."stock_movement" (product_id, warehouse_id, kind, quantity, order_id, reason, at)
      select r.product_id, w.id, 'RESERVED', r.quantity, r.order_id, 'Reserved before warehouses.', r.reserved_at
        from "catalog"."stock_reservation" r join "catalog"."product" p on p.id = r.product_id join "catalog"."warehouse" w on w.code = 'LEGACY'
       where not ${preorder};`);
    this.addSql(`update "catalog"."stock_reservation" r set warehouse_id = w.id
      from "catalog"."product" p, "catalog"."warehouse" w where p.id = r.product_id and w.code = 'LEGACY' and not ${preorder};`);
    this.addSql(`alter table "catalog"."product" drop constraint "product_stock_not_negative";`);
    this.addSql(`alter table "catalog"."product" drop column "stock";`);
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
