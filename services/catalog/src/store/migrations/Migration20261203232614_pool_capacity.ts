import { Migration } from '@mikro-orm/migrations';

export class Migration20261203232614_pool_capacity extends Migration {

  override name = 'Migration20261203232614_pool_capacity';

  // Hand-edited: renames only (the generator dropped and re-added the CHECKs), so every row and
  // constraint is kept as is; PostgreSQL rewrites the CHECK to the renamed column by itself.
  override up(): void | Promise<void> {
    this.addSql(`alter table "catalog"."preorder_allocation" rename column "limit_quantity" to "capacity";`);
    this.addSql(`alter table "catalog"."preorder_allocation" rename constraint "preorder_allocation_within_limit" to "preorder_allocation_within_capacity";`);
    this.addSql(`alter table "catalog"."preorder_campaign" rename constraint "preorder_campaign_limit_positive" to "preorder_campaign_limited_quantity_positive";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "catalog"."preorder_campaign" rename constraint "preorder_campaign_limited_quantity_positive" to "preorder_campaign_limit_positive";`);
    this.addSql(`alter table "catalog"."preorder_allocation" rename constraint "preorder_allocation_within_capacity" to "preorder_allocation_within_limit";`);
    this.addSql(`alter table "catalog"."preorder_allocation" rename column "capacity" to "limit_quantity";`);
  }

}
