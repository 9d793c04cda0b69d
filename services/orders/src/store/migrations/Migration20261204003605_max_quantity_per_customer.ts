import { Migration } from '@mikro-orm/migrations';

export class Migration20261204003605_max_quantity_per_customer extends Migration {

  override name = 'Migration20261204003605_max_quantity_per_customer';

  override up(): void | Promise<void> {
    this.addSql(`alter table "orders"."known_product" add "max_quantity_per_customer" int null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "orders"."known_product" drop column "max_quantity_per_customer";`);
  }

}
