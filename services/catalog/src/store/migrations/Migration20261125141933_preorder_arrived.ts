import { Migration } from '@mikro-orm/migrations';

export class Migration20261125141933_preorder_arrived extends Migration {

  override name = 'Migration20261125141933_preorder_arrived';

  override up(): void | Promise<void> {
    this.addSql(`alter table "catalog"."preorder_allocation" add "arrived" int not null default 0;`);
    this.addSql(`alter table "catalog"."preorder_allocation" add constraint "preorder_allocation_arrived_not_negative" check (arrived >= 0);`);
    // Hand-edited: pools that already saw arrivals count them (the arrival's pool-side RELEASED movements).
    this.addSql(`update "catalog"."preorder_allocation" a set arrived = coalesce((
      select -sum(m.quantity) from "catalog"."stock_movement" m
       where m.product_id = a.product_id and m.warehouse_id is null and m.kind = 'RELEASED' and m.reason = 'Preorder moved onto arrived units.'), 0);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "catalog"."preorder_allocation" drop constraint "preorder_allocation_arrived_not_negative";`);
    this.addSql(`alter table "catalog"."preorder_allocation" drop column "arrived";`);
  }

}
