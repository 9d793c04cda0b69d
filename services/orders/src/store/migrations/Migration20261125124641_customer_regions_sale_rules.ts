import { Migration } from '@mikro-orm/migrations';

export class Migration20261125124641_customer_regions_sale_rules extends Migration {

  override name = 'Migration20261125124641_customer_regions_sale_rules';

  override up(): void | Promise<void> {

    this.addSql(`alter table "orders"."known_product" add "status" varchar(32) not null default 'IN_STOCK', add "region_blocks" text[] not null default '{}', add "max_quantity_per_order" int null;`);
  }

  override down(): void | Promise<void> {

    this.addSql(`alter table "orders"."known_product" drop column "status", drop column "region_blocks", drop column "max_quantity_per_order";`);
  }

}
