import { Migration } from '@mikro-orm/migrations';

/** Where an item goes back: catalog's warehouses with their return address, and the warehouse each order's parcel left from (logistics). */
export class Migration20261205140500_return_warehouses extends Migration {
  override name = 'Migration20261205140500_return_warehouses';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "aftersales"."known_warehouse" ("id" uuid not null, "code" varchar(16) not null, "name" varchar(120) not null, "country" varchar(2) not null, "return_address" jsonb null, primary key ("id"));`,
    );
    this.addSql(`create table "aftersales"."order_parcel" ("order_id" uuid not null, "shipment_id" uuid not null, "warehouse_id" uuid null, primary key ("order_id"));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "aftersales"."order_parcel";`);
    this.addSql(`drop table if exists "aftersales"."known_warehouse";`);
  }
}
