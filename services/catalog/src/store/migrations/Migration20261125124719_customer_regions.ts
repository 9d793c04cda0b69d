import { Migration } from '@mikro-orm/migrations';

export class Migration20261125124719_customer_regions extends Migration {

  override name = 'Migration20261125124719_customer_regions';

  override up(): void | Promise<void> {
    this.addSql(`create table "catalog"."customer_region" ("customer_id" uuid not null, "country" varchar(2) not null, "changed_at" timestamptz not null, primary key ("customer_id"));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "catalog"."customer_region" cascade;`);
  }

}
