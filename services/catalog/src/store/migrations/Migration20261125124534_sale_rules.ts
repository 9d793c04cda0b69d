import { Migration } from '@mikro-orm/migrations';

export class Migration20261125124534_sale_rules extends Migration {

  override name = 'Migration20261125124534_sale_rules';

  override up(): void | Promise<void> {
    this.addSql(`alter table "catalog"."product" add "region_blocks" text[] not null default '{}', add "max_quantity_per_order" int null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "catalog"."product" drop column "region_blocks", drop column "max_quantity_per_order";`);
  }

}
