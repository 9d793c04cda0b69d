import { Migration } from '@mikro-orm/migrations';

export class Migration20261125115327_customer_flags extends Migration {

  override name = 'Migration20261125115327_customer_flags';

  override up(): void | Promise<void> {
    this.addSql(`create table "orders"."customer_flag" ("customer_id" uuid not null, "flag" varchar(32) not null, "active" boolean not null, "changed_at" timestamptz not null, primary key ("customer_id", "flag"));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "orders"."customer_flag" cascade;`);
  }

}
