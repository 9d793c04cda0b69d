import { Migration } from '@mikro-orm/migrations';

/** Retired warehouses: kept for their ledger rows, no longer received into or drawn from (null: in use). */
export class Migration20261205095459_warehouse_retired extends Migration {
  override name = 'Migration20261205095459_warehouse_retired';

  override up(): void | Promise<void> {
    this.addSql(`alter table "catalog"."warehouse" add "retired_at" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "catalog"."warehouse" drop column "retired_at";`);
  }
}
