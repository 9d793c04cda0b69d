import { Migration } from '@mikro-orm/migrations';

export class Migration20261125120801_deleted_customers extends Migration {

  override name = 'Migration20261125120801_deleted_customers';

  override up(): void | Promise<void> {
    this.addSql(`create table "orders"."deleted_customer" ("customer_id" uuid not null, "deleted_at" timestamptz not null, primary key ("customer_id"));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "orders"."deleted_customer" cascade;`);
  }

}
