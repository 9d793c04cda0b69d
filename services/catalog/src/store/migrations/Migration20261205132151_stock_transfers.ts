import { Migration } from '@mikro-orm/migrations';

/**
 * Stock transfers: staff move free units from one warehouse to another as one
 * transfer (with its idempotency key) and two TRANSFERRED ledger rows naming it.
 * Generated, then trimmed by hand to this change (the generator also proposed
 * re-creating unrelated checks and dropping fold_search, which it does not know).
 */
export class Migration20261205132151_stock_transfers extends Migration {
  override name = 'Migration20261205132151_stock_transfers';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "catalog"."stock_transfer" ("id" uuid not null, "product_id" uuid not null, "from_warehouse_id" uuid not null, "to_warehouse_id" uuid not null, "quantity" int not null, "reason" varchar(500) not null, "actor" uuid null, "idempotency_key" varchar(200) null, "at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`alter table "catalog"."stock_transfer" add constraint "stock_transfer_idempotency_key_unique" unique ("actor", "idempotency_key");`);
    this.addSql(`alter table "catalog"."stock_transfer" add constraint "stock_transfer_quantity_positive" check (quantity > 0);`);
    this.addSql(`alter table "catalog"."stock_transfer" add constraint "stock_transfer_between_two_warehouses" check (from_warehouse_id <> to_warehouse_id);`);

    this.addSql(`alter table "catalog"."stock_movement" drop constraint "stock_movement_kind_known";`);
    this.addSql(`alter table "catalog"."stock_movement" drop constraint "stock_movement_sign";`);
    this.addSql(`alter table "catalog"."stock_movement" add "transfer_id" uuid null;`);
    this.addSql(
      `alter table "catalog"."stock_movement" add constraint "stock_movement_transfer_named" check ((kind = 'TRANSFERRED') = (transfer_id is not null));`,
    );
    this.addSql(
      `alter table "catalog"."stock_movement" add constraint "stock_movement_kind_known" check (kind in ('RECEIVED', 'RESERVED', 'RELEASED', 'SHIPPED', 'ADJUSTED', 'TRANSFERRED'));`,
    );
    this.addSql(
      `alter table "catalog"."stock_movement" add constraint "stock_movement_sign" check ((kind in ('RECEIVED', 'RESERVED') and quantity > 0) or (kind in ('RELEASED', 'SHIPPED') and quantity < 0) or (kind in ('ADJUSTED', 'TRANSFERRED') and quantity <> 0));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "catalog"."stock_movement" drop constraint "stock_movement_transfer_named";`);
    this.addSql(`alter table "catalog"."stock_movement" drop constraint "stock_movement_kind_known";`);
    this.addSql(`alter table "catalog"."stock_movement" drop constraint "stock_movement_sign";`);
    // The counters keep what transfers did: their rows stay, as count corrections, so the ledger still reconciles.
    this.addSql(`update "catalog"."stock_movement" set kind = 'ADJUSTED' where kind = 'TRANSFERRED';`);
    this.addSql(`alter table "catalog"."stock_movement" drop column "transfer_id";`);
    this.addSql(`drop table if exists "catalog"."stock_transfer" cascade;`);
    this.addSql(
      `alter table "catalog"."stock_movement" add constraint "stock_movement_kind_known" check (kind in ('RECEIVED', 'RESERVED', 'RELEASED', 'SHIPPED', 'ADJUSTED'));`,
    );
    this.addSql(
      `alter table "catalog"."stock_movement" add constraint "stock_movement_sign" check ((kind in ('RECEIVED', 'RESERVED') and quantity > 0) or (kind in ('RELEASED', 'SHIPPED') and quantity < 0) or (kind = 'ADJUSTED' and quantity <> 0));`,
    );
  }
}
