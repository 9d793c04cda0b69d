import { Migration } from '@mikro-orm/migrations';

/** Where customers send items back to a warehouse (recipient, lines, postal code, city, region, its country); null until staff give one. */
export class Migration20261205140000_warehouse_return_address extends Migration {
  override name = 'Migration20261205140000_warehouse_return_address';

  override up(): void | Promise<void> {
    this.addSql(`alter table "catalog"."warehouse" add column "return_address" jsonb null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "catalog"."warehouse" drop column "return_address";`);
  }
}
