import { Migration } from '@mikro-orm/migrations';

export class Migration20261204132738_warehouse_country extends Migration {

  override name = 'Migration20261204132738_warehouse_country';

  override up(): void | Promise<void> {
    this.addSql(`alter table "orders"."customer_order" add "warehouse_country" varchar(2) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "orders"."customer_order" drop column "warehouse_country";`);
  }

}
